package dev.dropsync.fulfillment;

import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of a tenant's append-only earnings ledger. A SALE row is positive; a REFUND row is the
 * negative reversal of part (or all) of a sale, split by the same rule. Unique by {@code (tenant,
 * entryId)}: {@code {orderId}:sale} and {@code {orderId}:refund:{refundId}}.
 *
 * @param tenant the owning tenant
 * @param entryId unique per tenant
 * @param orderId the order
 * @param kind SALE or REFUND
 * @param split base and shares (negative for REFUND)
 * @param at when recorded
 * @since 0.1.0
 */
public record EarningEntry(TenantId tenant, String entryId, OrderId orderId, Kind kind, CommissionSplit split, Instant at) {

  /**
   * Ledger row kinds.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** Commission on a fulfilled order. */
    SALE,
    /** Reversal for a refund. */
    REFUND
  }

  /** Checks for nulls. */
  public EarningEntry {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(at, "at");
  }
}

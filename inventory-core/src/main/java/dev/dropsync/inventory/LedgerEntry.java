package dev.dropsync.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the append-only stock ledger. Rows are never updated or deleted; a variant's stock is
 * the sum of its rows' deltas (see {@link #replay}).
 *
 * @param sequence the store's increasing sequence number within the tenant
 * @param tenant the tenant
 * @param product the product
 * @param variant the variant
 * @param deltaOnHand change of on-hand units
 * @param deltaReserved change of reserved units
 * @param reason why
 * @param ref the reference: order ref, sync run id or adjustment note
 * @param at when (injected clock)
 * @since 0.1.0
 */
public record LedgerEntry(
    long sequence,
    TenantId tenant,
    ProductId product,
    VariantId variant,
    long deltaOnHand,
    long deltaReserved,
    LedgerReason reason,
    String ref,
    Instant at) {

  /** Checks for nulls. */
  public LedgerEntry {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(at, "at");
  }

  /**
   * Folds entries into {@code {onHand, reserved}} totals.
   *
   * @param entries the entries of one variant, in any order
   * @return a two-element array: on-hand, reserved
   */
  public static long[] replay(Iterable<LedgerEntry> entries) {
    long onHand = 0;
    long reserved = 0;
    for (LedgerEntry e : entries) {
      onHand += e.deltaOnHand;
      reserved += e.deltaReserved;
    }
    return new long[] {onHand, reserved};
  }
}

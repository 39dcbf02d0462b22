package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.internal.Check;
import java.time.Instant;

/**
 * Units of a previously recorded {@link Sale} that the customer sent back. Identified, for
 * idempotency, by {@code (tenant, orderRef, variant)}: one return record per sold line (record the
 * total returned quantity). Immutable and thread-safe.
 *
 * @param tenant the owning tenant
 * @param product the product of the variant (must match the sale)
 * @param variant the variant returned
 * @param quantity units returned, {@code >= 1} and at most the sold quantity
 * @param at when the return was received
 * @param orderRef the order reference of the original sale, not blank
 * @since 0.1.0
 */
public record SaleReturn(
    TenantId tenant, ProductId product, VariantId variant, long quantity, Instant at, String orderRef) {

  /**
   * Validates every component.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if a component is null, the quantity is
   *     below 1 or {@code orderRef} is blank
   */
  public SaleReturn {
    Check.notNull(tenant, "tenant");
    Check.notNull(product, "product");
    Check.notNull(variant, "variant");
    Check.positive(quantity, "quantity");
    Check.notNull(at, "at");
    Check.notBlank(orderRef, "orderRef");
  }
}

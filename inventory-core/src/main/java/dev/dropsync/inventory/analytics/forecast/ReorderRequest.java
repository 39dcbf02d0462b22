package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.internal.Check;

/**
 * What {@link ReorderPlanner} needs for one variant. Immutable.
 *
 * @param tenant the tenant
 * @param product the product
 * @param variant the variant to reorder
 * @param history its daily demand history (e.g. from {@code InventoryAnalytics.demandHistory})
 * @param onHand units on hand now, {@code >= 0}
 * @param onOrder units ordered and not yet received, {@code >= 0}
 * @since 0.1.0
 */
public record ReorderRequest(
    TenantId tenant,
    ProductId product,
    VariantId variant,
    DemandHistory history,
    long onHand,
    long onOrder) {

  /** Validates. @throws dev.dropsync.inventory.InvalidInputException on null or negative values */
  public ReorderRequest {
    Check.notNull(tenant, "tenant");
    Check.notNull(product, "product");
    Check.notNull(variant, "variant");
    Check.notNull(history, "history");
    Check.nonNegative(onHand, "onHand");
    Check.nonNegative(onOrder, "onOrder");
  }
}

package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;

/**
 * A reorder suggestion for one variant, with the numbers behind it. Quantities in units. Immutable.
 *
 * <p>{@code suggestedQuantity = max(0, ⌈reorderPoint + coverDemand − onHand − onOrder⌉)}; {@code
 * belowReorderPoint} is {@code onHand + onOrder <= reorderPoint}, the usual trigger to order now.
 *
 * @param tenant the tenant
 * @param product the product
 * @param variant the variant
 * @param method the forecasting method used
 * @param profile the demand classification
 * @param velocity units per sellable day over 7/30/90 days
 * @param reorderPoint the reorder point with its inputs (d̄ = mean forecast per day over the lead
 *     time, σ = the forecast's sigma)
 * @param coverDemand forecast units over the cover period that follows the lead time
 * @param onHand units on hand
 * @param onOrder units on order
 * @param belowReorderPoint whether the inventory position is at or below the reorder point
 * @param suggestedQuantity units to order, {@code >= 0}
 * @since 0.1.0
 */
public record ReorderSuggestion(
    TenantId tenant,
    ProductId product,
    VariantId variant,
    ForecastMethod method,
    DemandProfile profile,
    SalesVelocity velocity,
    ReorderPoint reorderPoint,
    double coverDemand,
    long onHand,
    long onOrder,
    boolean belowReorderPoint,
    long suggestedQuantity) {}

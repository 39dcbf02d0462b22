package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.internal.Check;
import java.time.LocalDate;

/**
 * The closing stock of one variant on one day (in the tenant's zone), fed by the inventory engine
 * once a day per variant. Identified by {@code (tenant, variant, date)}; a later observation for the
 * same key replaces the earlier one. Immutable and thread-safe.
 *
 * <p>A variant is <em>sellable</em> on the day when its state is {@link StockState#ACTIVE} and
 * {@code onHand > 0}; forecasting excludes non-sellable days from velocity and demand estimates.
 *
 * @param tenant the owning tenant
 * @param product the variant's product
 * @param variant the variant
 * @param date the day (tenant zone) whose closing stock this is
 * @param onHand units on hand at the close, {@code >= 0}
 * @param unitCost cost per unit at the close, {@code >= 0}; stock is valued at cost
 * @param state whether the variant was active, out of stock or inactive
 * @param lowStockThreshold units at or below which the variant counts as low stock, {@code >= 0}
 *     ({@code 0} = no low-stock level)
 * @since 0.1.0
 */
public record StockObservation(
    TenantId tenant,
    ProductId product,
    VariantId variant,
    LocalDate date,
    long onHand,
    Money unitCost,
    StockState state,
    long lowStockThreshold) {

  /**
   * Validates every component.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if a component is null or a number is
   *     negative
   */
  public StockObservation {
    Check.notNull(tenant, "tenant");
    Check.notNull(product, "product");
    Check.notNull(variant, "variant");
    Check.notNull(date, "date");
    Check.nonNegative(onHand, "onHand");
    Check.nonNegative(unitCost, "unitCost");
    Check.notNull(state, "state");
    Check.nonNegative(lowStockThreshold, "lowStockThreshold");
  }

  /** Closing value at cost: {@code unitCost × onHand}. */
  public Money value() {
    return unitCost.times(onHand);
  }

  /** True if the variant could be sold at the close: {@link StockState#ACTIVE} and stock above 0. */
  public boolean sellable() {
    return state == StockState.ACTIVE && onHand > 0;
  }
}

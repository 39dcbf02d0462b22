package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.CurrencyMismatchException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.internal.Check;
import java.time.Instant;

/**
 * One sold order line: {@code quantity} units of a variant sold at {@code unitPrice} that cost the
 * store {@code unitCost} each. Identified, for idempotency, by {@code (tenant, orderRef, variant)}.
 * Immutable and thread-safe.
 *
 * @param tenant the owning tenant
 * @param product the product of the variant
 * @param variant the variant sold
 * @param quantity units sold, {@code >= 1}
 * @param unitPrice retail price per unit actually charged, {@code >= 0}
 * @param unitCost cost of goods per unit (supplier cost), {@code >= 0}, same currency as the price
 * @param at when the sale happened
 * @param orderRef the host's order reference, not blank
 * @since 0.1.0
 */
public record Sale(
    TenantId tenant,
    ProductId product,
    VariantId variant,
    long quantity,
    Money unitPrice,
    Money unitCost,
    Instant at,
    String orderRef) {

  /**
   * Validates every component.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if a component is null, the quantity is
   *     below 1, an amount is negative or {@code orderRef} is blank
   * @throws CurrencyMismatchException if price and cost are in different currencies
   */
  public Sale {
    Check.notNull(tenant, "tenant");
    Check.notNull(product, "product");
    Check.notNull(variant, "variant");
    Check.positive(quantity, "quantity");
    Check.nonNegative(unitPrice, "unitPrice");
    Check.nonNegative(unitCost, "unitCost");
    unitPrice.requireSameCurrency(unitCost);
    Check.notNull(at, "at");
    Check.notBlank(orderRef, "orderRef");
  }

  /** Revenue of the line: {@code unitPrice × quantity}, at the currency's scale. */
  public Money revenue() {
    return unitPrice.times(quantity);
  }

  /** Cost of goods sold of the line: {@code unitCost × quantity}, at the currency's scale. */
  public Money cost() {
    return unitCost.times(quantity);
  }
}

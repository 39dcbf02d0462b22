package dev.dropsync.inventory;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One sellable variant (SKU) of a product, with its stock and prices. Immutable snapshot.
 *
 * <p>{@code onHand} is the supplier's stock as last synced (adjusted by commits and manual
 * adjustments); {@code reserved} is what open reservations hold. {@link #available()} is {@code
 * onHand - reserved}, never negative; when a sync leaves {@code reserved > onHand} the variant is
 * {@link #oversold()}.
 *
 * @param id the engine's variant id
 * @param supplierVariantId the supplier's variant id
 * @param sku the SKU
 * @param cost the supplier's unit cost
 * @param onHand units on hand, at least 0
 * @param reserved units held by active reservations, at least 0
 * @param retailPrice the unit selling price (same currency as cost)
 * @param compareAtPrice the "was" price shown struck through, or null
 * @param manualPrice true if the owner set the retail price by hand (repricing keeps it)
 * @param belowMarginFloor true if a manual price's margin is under the pricing rule's floor
 * @param lowStockThreshold this variant's own low-stock threshold, or null to inherit
 * @since 0.1.0
 */
public record Variant(
    VariantId id,
    String supplierVariantId,
    String sku,
    Money cost,
    long onHand,
    long reserved,
    Money retailPrice,
    @Nullable Money compareAtPrice,
    boolean manualPrice,
    boolean belowMarginFloor,
    @Nullable Long lowStockThreshold) {

  /** Validates. @throws InvalidInputException on negative stock, blank ids or mixed currencies */
  public Variant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(supplierVariantId, "supplierVariantId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(retailPrice, "retailPrice");
    if (supplierVariantId.isBlank()) {
      throw new InvalidInputException("supplierVariantId", supplierVariantId, "must not be blank");
    }
    if (onHand < 0) {
      throw new InvalidInputException("onHand", onHand, "must be >= 0 (variant \"" + id + "\")");
    }
    if (reserved < 0) {
      throw new InvalidInputException("reserved", reserved, "must be >= 0 (variant \"" + id + "\")");
    }
    if (cost.isNegative()) {
      throw new InvalidInputException("cost", cost, "must be >= 0");
    }
    cost.requireSameCurrency(retailPrice);
    if (compareAtPrice != null) {
      cost.requireSameCurrency(compareAtPrice);
    }
    if (lowStockThreshold != null && lowStockThreshold < 0) {
      throw new InvalidInputException("lowStockThreshold", lowStockThreshold, "must be >= 0");
    }
  }

  /** Units free to reserve: {@code max(0, onHand - reserved)}. */
  public long available() {
    return Math.max(0, onHand - reserved);
  }

  /** True if reservations hold more than is on hand (a sync lowered the stock under them). */
  public boolean oversold() {
    return reserved > onHand;
  }

  /** This variant with other stock figures. */
  public Variant withStock(long newOnHand, long newReserved) {
    return new Variant(id, supplierVariantId, sku, cost, newOnHand, newReserved, retailPrice,
        compareAtPrice, manualPrice, belowMarginFloor, lowStockThreshold);
  }

  /** This variant with other cost and prices. */
  public Variant withPricing(Money newCost, Money newRetail, @Nullable Money newCompareAt,
      boolean newManual, boolean newBelowFloor) {
    return new Variant(id, supplierVariantId, sku, newCost, onHand, reserved, newRetail,
        newCompareAt, newManual, newBelowFloor, lowStockThreshold);
  }

  /** This variant with its own low-stock threshold (null: inherit). */
  public Variant withLowStockThreshold(@Nullable Long threshold) {
    return new Variant(id, supplierVariantId, sku, cost, onHand, reserved, retailPrice,
        compareAtPrice, manualPrice, belowMarginFloor, threshold);
  }
}

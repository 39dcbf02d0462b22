package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.VariantId;
import java.util.Objects;

/**
 * One line of a supplier order: what to ask the supplier for.
 *
 * @param variant the engine's variant id
 * @param supplierVariantId the supplier's variant id
 * @param sku the variant's SKU
 * @param quantity units, at least 1
 * @param unitCost the supplier's unit cost when the order was planned
 * @since 0.1.0
 */
public record ShipmentLine(VariantId variant, String supplierVariantId, String sku, long quantity, Money unitCost) {
  /** Validates. @throws InvalidInputException on quantity below 1 */
  public ShipmentLine {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(supplierVariantId, "supplierVariantId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(unitCost, "unitCost");
    if (quantity < 1) {
      throw new InvalidInputException("quantity", quantity, "must be >= 1 (variant \"" + variant.value() + "\")");
    }
  }
}

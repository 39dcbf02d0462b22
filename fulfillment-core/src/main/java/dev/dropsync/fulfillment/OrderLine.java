package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.VariantId;
import java.util.Objects;

/**
 * One line of a customer order: a quantity of a variant at the unit price the customer paid.
 *
 * @param variant the engine's variant id
 * @param quantity units ordered, at least 1
 * @param unitPrice price of one unit, not negative, in the order currency
 * @since 0.1.0
 */
public record OrderLine(VariantId variant, long quantity, Money unitPrice) {
  /** Validates. @throws InvalidInputException on quantity below 1 or a negative price */
  public OrderLine {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (quantity < 1) {
      throw new InvalidInputException("quantity", quantity, "must be >= 1 (variant \"" + variant.value() + "\")");
    }
    if (unitPrice.isNegative()) {
      throw new InvalidInputException("unitPrice", unitPrice, "must not be negative (variant \"" + variant.value() + "\")");
    }
  }

  /** {@code unitPrice × quantity}. */
  public Money total() {
    return unitPrice.times(quantity);
  }
}

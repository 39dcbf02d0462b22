package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import java.util.Objects;

/**
 * The store's id of a customer order (e.g. the web shop's order number). Supplier-order references
 * are derived from it ({@code {orderId}-{group}}), so it must be stable and unique per tenant.
 *
 * @param value not blank, at most 100 characters
 * @since 0.1.0
 */
public record OrderId(String value) {
  /** Validates the id. @throws InvalidInputException if {@code value} is blank or too long */
  public OrderId {
    Objects.requireNonNull(value, "orderId");
    if (value.isBlank()) {
      throw new InvalidInputException("orderId", value, "must not be blank");
    }
    if (value.length() > 100) {
      throw new InvalidInputException("orderId", value, "must be at most 100 characters");
    }
  }

  /** Returns an order id for {@code value}. @throws InvalidInputException if blank */
  public static OrderId of(String value) {
    return new OrderId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}

package dev.dropsync.inventory;

import java.util.Objects;

/**
 * The engine's id of an imported product (not the supplier's id).
 *
 * @param value not blank
 * @since 0.1.0
 */
public record ProductId(String value) {
  /** Validates the id. @throws InvalidInputException if {@code value} is blank */
  public ProductId {
    Objects.requireNonNull(value, "productId");
    if (value.isBlank()) {
      throw new InvalidInputException("productId", value, "must not be blank");
    }
  }

  /** Returns a product id for {@code value}. */
  public static ProductId of(String value) {
    return new ProductId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}

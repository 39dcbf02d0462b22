package dev.dropsync.inventory;

import java.util.Objects;

/**
 * The engine's id of a product variant (a sellable SKU), not the supplier's variant id.
 *
 * @param value not blank
 * @since 0.1.0
 */
public record VariantId(String value) {
  /** Validates the id. @throws InvalidInputException if {@code value} is blank */
  public VariantId {
    Objects.requireNonNull(value, "variantId");
    if (value.isBlank()) {
      throw new InvalidInputException("variantId", value, "must not be blank");
    }
  }

  /** Returns a variant id for {@code value}. */
  public static VariantId of(String value) {
    return new VariantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}

package dev.dropsync.inventory;

import java.util.Objects;

/**
 * One line of a reservation: a quantity of one variant.
 *
 * @param variant the variant to hold stock of
 * @param quantity how many units; at least 1
 * @since 0.1.0
 */
public record ReservationLine(VariantId variant, long quantity) {
  /** @throws InvalidInputException if {@code quantity < 1} */
  public ReservationLine {
    Objects.requireNonNull(variant, "variant");
    if (quantity < 1) {
      throw new InvalidInputException("quantity", quantity, "must be >= 1 (variant \"" + variant.value() + "\")");
    }
  }
}

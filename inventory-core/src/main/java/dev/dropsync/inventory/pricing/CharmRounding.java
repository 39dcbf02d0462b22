package dev.dropsync.inventory.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Psychological price endings. Every mode only rounds up: the result is the smallest price at or
 * above the input with the ending (6.89 becomes 6.99 under {@link #CENTS_99}; 7.00 becomes 7.99).
 *
 * @since 0.1.0
 */
public enum CharmRounding {
  /** No ending; the price is rounded up to whole cents only. */
  NONE,
  /** Ends in .99. */
  CENTS_99,
  /** Ends in .95. */
  CENTS_95,
  /** A whole amount (ends in .00). */
  WHOLE;

  /**
   * The smallest price {@code >= price} with this ending, at two decimals.
   *
   * @param price a non-negative price
   * @return the rounded price at scale 2
   */
  public BigDecimal apply(BigDecimal price) {
    BigDecimal cents = price.setScale(2, RoundingMode.CEILING);
    switch (this) {
      case NONE:
        return cents;
      case WHOLE:
        return cents.setScale(0, RoundingMode.CEILING).setScale(2, RoundingMode.UNNECESSARY);
      case CENTS_99:
        return ending(cents, new BigDecimal("0.99"));
      case CENTS_95:
        return ending(cents, new BigDecimal("0.95"));
      default:
        throw new AssertionError(this);
    }
  }

  private static BigDecimal ending(BigDecimal cents, BigDecimal end) {
    BigDecimal whole = cents.setScale(0, RoundingMode.FLOOR);
    BigDecimal candidate = whole.add(end);
    return candidate.compareTo(cents) >= 0 ? candidate : candidate.add(BigDecimal.ONE);
  }
}

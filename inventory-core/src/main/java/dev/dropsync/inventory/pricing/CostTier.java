package dev.dropsync.inventory.pricing;

import dev.dropsync.inventory.InvalidInputException;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A half-open cost range {@code [min, max)} and how to turn a cost in it into a price: multiply
 * by a factor or add a fixed amount. Half-open so that no cost falls between two tiers.
 *
 * @param min inclusive lower bound, at least 0
 * @param max exclusive upper bound, or null for "no upper bound"
 * @param kind multiply or add
 * @param value the factor (for MULTIPLY, above 0) or the amount (for ADD, at least 0)
 * @since 0.1.0
 */
public record CostTier(BigDecimal min, @Nullable BigDecimal max, Kind kind, BigDecimal value) {

  /** How a tier adjusts the cost. */
  public enum Kind {
    /** price = cost × value. */
    MULTIPLY,
    /** price = cost + value. */
    ADD
  }

  /** Validates. @throws InvalidInputException on negative or inverted bounds or a bad value */
  public CostTier {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (min.signum() < 0) {
      throw new InvalidInputException("min", min, "must be >= 0");
    }
    if (max != null && max.compareTo(min) <= 0) {
      throw new InvalidInputException("max", max, "must be > min " + min);
    }
    if (kind == Kind.MULTIPLY && value.signum() <= 0) {
      throw new InvalidInputException("value", value, "must be > 0 for MULTIPLY");
    }
    if (kind == Kind.ADD && value.signum() < 0) {
      throw new InvalidInputException("value", value, "must be >= 0 for ADD");
    }
  }

  /** {@code [min, max)} × factor. */
  public static CostTier multiply(String min, @Nullable String max, String factor) {
    return new CostTier(new BigDecimal(min), max == null ? null : new BigDecimal(max), Kind.MULTIPLY, new BigDecimal(factor));
  }

  /** {@code [min, max)} + amount. */
  public static CostTier add(String min, @Nullable String max, String amount) {
    return new CostTier(new BigDecimal(min), max == null ? null : new BigDecimal(max), Kind.ADD, new BigDecimal(amount));
  }

  /** True if {@code cost} is in {@code [min, max)}. */
  public boolean contains(BigDecimal cost) {
    return cost.compareTo(min) >= 0 && (max == null || cost.compareTo(max) < 0);
  }

  /** Applies this tier to {@code cost} (no rounding). */
  public BigDecimal apply(BigDecimal cost) {
    return kind == Kind.MULTIPLY ? cost.multiply(value) : cost.add(value);
  }
}

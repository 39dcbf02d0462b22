package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.analytics.internal.Check;

/**
 * Simple exponential smoothing (SES): {@code level ← α·y + (1 − α)·level}, started at the first
 * value. With α 0.5 on 10, 12, 8, 14, 10, 12 the final level is 11.4375. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class ExponentialSmoothing {
  private ExponentialSmoothing() {}

  /**
   * The final SES level of {@code values}: the one-step-ahead forecast.
   *
   * @param values observations in time order, at least one, each finite
   * @param alpha smoothing weight of the newest value, in (0, 1]
   * @throws InvalidInputException if {@code values} is empty or a value is not finite, or alpha is
   *     outside (0, 1]
   */
  public static double level(double[] values, double alpha) {
    Check.notNull(values, "values");
    Check.halfOpenUnit(alpha, "alpha");
    if (values.length == 0) {
      throw new InvalidInputException("values.length", 0, "must be >= 1");
    }
    double level = values[0];
    for (int i = 1; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new InvalidInputException("values[" + i + "]", values[i], "must be finite");
      }
      level = alpha * values[i] + (1 - alpha) * level;
    }
    return level;
  }
}

package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.analytics.internal.Check;

/**
 * Croston's method and the Syntetos–Boylan approximation (SBA) for intermittent demand. Non-zero
 * demand sizes {@code z} and the intervals {@code p} between them (in periods) are smoothed
 * separately with the same α, updated only in periods with demand; the forecast per period is
 * {@code z ÷ p}, multiplied by {@code 1 − α/2} for SBA (which removes Croston's positive bias).
 * Initialisation: {@code z} = the first non-zero size, {@code p} = the number of periods up to and
 * including it. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Croston {
  private Croston() {}

  /**
   * Croston's per-period demand rate of {@code values} (time order); 0 if no value is positive.
   *
   * @param alpha smoothing weight in (0, 1]; 0.1 is usual
   * @throws dev.dropsync.inventory.InvalidInputException if {@code values} is null or alpha is
   *     outside (0, 1]
   */
  public static double croston(double[] values, double alpha) {
    return rate(values, alpha, false);
  }

  /**
   * The SBA per-period demand rate: {@link #croston} × {@code (1 − α/2)}.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code values} is null or alpha is
   *     outside (0, 1]
   */
  public static double sba(double[] values, double alpha) {
    return rate(values, alpha, true);
  }

  static double rate(double[] values, double alpha, boolean sba) {
    Check.notNull(values, "values");
    Check.halfOpenUnit(alpha, "alpha");
    double z = 0;
    double p = 0;
    boolean started = false;
    int sinceLast = 0;
    for (double y : values) {
      sinceLast++;
      if (y > 0) {
        if (!started) {
          z = y;
          p = sinceLast;
          started = true;
        } else {
          z += alpha * (y - z);
          p += alpha * (sinceLast - p);
        }
        sinceLast = 0;
      }
    }
    if (!started) {
      return 0;
    }
    double rate = z / p;
    return sba ? rate * (1 - alpha / 2) : rate;
  }
}

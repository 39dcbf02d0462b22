package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.analytics.internal.Check;

/**
 * Seasonal indices by the ratio-to-moving-average method: each value is divided by a centred moving
 * average of one season's length ({@code 2×m} MA for an even period {@code m}), the ratios are
 * averaged per slot ({@code i mod period}), and the slot averages are scaled so that they average
 * exactly 1. A slot with index 1.2 sells 20 % above the deseasonalised level. Stateless and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class SeasonalIndices {
  private SeasonalIndices() {}

  /**
   * Indices per slot: element {@code s} is the index of positions {@code i} with {@code i % period
   * == s}. Needs at least two full seasons ({@code values.length >= 2 × period}). Positions whose
   * moving average is zero are skipped; a slot with no usable ratio gets index 1 before scaling; if
   * nothing is usable all indices are 1.
   *
   * @param values observations in time order, each {@code >= 0} and finite
   * @param period season length in positions, {@code >= 2} (7 for weekly on daily data, 12 for
   *     yearly on monthly data)
   * @throws InvalidInputException if {@code period < 2}, there are fewer than two seasons, or a value
   *     is negative or not finite
   */
  public static double[] ratioToMovingAverage(double[] values, int period) {
    Check.notNull(values, "values");
    if (period < 2) {
      throw new InvalidInputException("period", period, "must be >= 2");
    }
    if (values.length < 2 * period) {
      throw new InvalidInputException(
          "values.length", values.length, "must be >= 2 × period (" + 2 * period + ")");
    }
    int n = values.length;
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
        throw new InvalidInputException("values[" + i + "]", values[i], "must be >= 0 and finite");
      }
      prefix[i + 1] = prefix[i] + values[i];
    }
    double[] sum = new double[period];
    int[] count = new int[period];
    int half = period / 2;
    for (int i = half; i < n - half; i++) {
      double ma;
      if (period % 2 == 1) {
        ma = (prefix[i + half + 1] - prefix[i - half]) / period;
      } else {
        // 2×m centred MA: half weight on the two end points.
        double inner = prefix[i + half] - prefix[i - half + 1];
        ma = (inner + 0.5 * values[i - half] + 0.5 * values[i + half]) / period;
      }
      if (ma > 1e-12) {
        sum[i % period] += values[i] / ma;
        count[i % period]++;
      }
    }
    double[] idx = new double[period];
    double total = 0;
    for (int s = 0; s < period; s++) {
      idx[s] = count[s] == 0 ? 1 : sum[s] / count[s];
      total += idx[s];
    }
    if (total <= 1e-12) {
      java.util.Arrays.fill(idx, 1);
      return idx;
    }
    double scale = period / total;
    for (int s = 0; s < period; s++) {
      idx[s] *= scale;
    }
    return idx;
  }
}

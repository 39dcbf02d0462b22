package dev.dropsync.inventory.analytics.forecast;

import java.util.OptionalDouble;

/**
 * The result of a {@link Backtest}: errors of one forecaster over every origin, horizon day and
 * series, with the naive forecast on the same points for comparison. Immutable.
 *
 * @param forecaster the scored forecaster's {@link Forecaster#name()}
 * @param series number of series
 * @param origins number of forecast origins over all series
 * @param points number of scored (origin, day) pairs; days that were not sellable are not scored
 * @param mae mean absolute error, units per day
 * @param mase mean absolute scaled error: each error divided by the in-sample mean absolute
 *     one-step naive difference of the training data at its origin (Hyndman &amp; Koehler); below 1
 *     beats the one-step naive in-sample; empty if every scale was zero
 * @param naiveMae MAE of {@link Forecaster#naive()} on the same points
 * @param relativeMae {@code mae ÷ naiveMae}; below 1 beats the naive forecast out of sample; empty
 *     if {@code naiveMae} is zero
 * @param totalMae mean absolute error of the horizon total per origin (forecast units summed over
 *     the origin's sellable horizon days vs. units sold on them): what a reorder point depends on.
 *     Per-day MAE rewards forecasting 0 on intermittent series (the median); this one does not
 * @since 0.1.0
 */
public record BacktestReport(
    String forecaster,
    int series,
    int origins,
    int points,
    double mae,
    OptionalDouble mase,
    double naiveMae,
    OptionalDouble relativeMae,
    double totalMae) {

  /** One line for logs, e.g. {@code dropsync-auto: MAE 1.234, MASE 0.712, naive MAE 2.001 (...)}. */
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%s: MAE %.4f, MASE %s, naive MAE %.4f, relative MAE %s, horizon-total MAE %.4f"
            + " (%d series, %d origins, %d points)",
        forecaster,
        mae,
        mase.isPresent() ? String.format(java.util.Locale.ROOT, "%.4f", mase.getAsDouble()) : "n/a",
        naiveMae,
        relativeMae.isPresent()
            ? String.format(java.util.Locale.ROOT, "%.4f", relativeMae.getAsDouble())
            : "n/a",
        totalMae,
        series,
        origins,
        points);
  }
}

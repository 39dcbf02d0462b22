package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.analytics.internal.Check;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A rolling-origin backtest: for each origin {@code o = minTraining, minTraining + step, …} with
 * {@code o + horizon <= size}, the forecaster sees the first {@code o} days and forecasts {@code
 * horizon} days; each sellable forecast day is scored against what happened. Reports MAE and MASE
 * (MAPE is not used: it breaks on zero-demand days), the naive forecast's MAE on the same points, and
 * the error of the horizon total per origin.
 * Hosts can run it on their own {@link DemandHistory} to choose settings.
 *
 * <pre>{@code
 * BacktestReport r = Backtest.builder().horizon(14).build().run(histories, DemandForecaster.defaults());
 * System.out.println(r.summary());
 * }</pre>
 *
 * <p>Immutable and thread-safe (if the forecaster is).
 *
 * @since 0.1.0
 */
public final class Backtest {

  private final int horizon;
  private final int minTraining;
  private final int step;

  private Backtest(Builder b) {
    this.horizon = b.horizon;
    this.minTraining = b.minTraining;
    this.step = b.step;
  }

  /** A builder: horizon 7 days, minimum training 56 days, step 7 days. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Backtests {@code forecaster} on one series.
   *
   * @throws InvalidInputException if an argument is null or the series is shorter than {@code
   *     minTraining + horizon}
   */
  public BacktestReport run(DemandHistory history, Forecaster forecaster) {
    Check.notNull(history, "history");
    return run(List.of(history), forecaster);
  }

  /**
   * Backtests {@code forecaster} on several series; errors are pooled over all scored points.
   *
   * @throws InvalidInputException if an argument is null, the list is empty, or a series is shorter
   *     than {@code minTraining + horizon}
   */
  public BacktestReport run(List<DemandHistory> histories, Forecaster forecaster) {
    Check.notNull(histories, "histories");
    Check.notNull(forecaster, "forecaster");
    if (histories.isEmpty()) {
      throw new InvalidInputException("histories", "[]", "must not be empty");
    }
    for (int k = 0; k < histories.size(); k++) {
      DemandHistory h = Check.notNull(histories.get(k), "histories[" + k + "]");
      if (h.size() < minTraining + horizon) {
        throw new InvalidInputException(
            "histories[" + k + "].size", h.size(), "must be >= minTraining + horizon (" + (minTraining + horizon) + ")");
      }
    }
    Forecaster naive = Forecaster.naive();
    double absSum = 0;
    double naiveAbsSum = 0;
    double scaledSum = 0;
    int scaledPoints = 0;
    int points = 0;
    int origins = 0;
    double totalAbsSum = 0;
    for (DemandHistory h : histories) {
      double[] y = h.rawDemand();
      boolean[] a = h.rawAvailable();
      for (int o = minTraining; o + horizon <= h.size(); o += step) {
        origins++;
        DemandHistory train = h.head(o);
        double[] f = forecaster.forecast(train, horizon);
        double[] nf = naive.forecast(train, horizon);
        double scale = naiveScale(y, a, o);
        double forecastTotal = 0;
        double actualTotal = 0;
        for (int j = 0; j < horizon; j++) {
          int t = o + j;
          if (!a[t]) {
            continue;
          }
          forecastTotal += f[j];
          actualTotal += y[t];
          double e = Math.abs(y[t] - f[j]);
          absSum += e;
          naiveAbsSum += Math.abs(y[t] - nf[j]);
          points++;
          if (scale > 0) {
            scaledSum += e / scale;
            scaledPoints++;
          }
        }
        totalAbsSum += Math.abs(actualTotal - forecastTotal);
      }
    }
    double mae = points == 0 ? 0 : absSum / points;
    double naiveMae = points == 0 ? 0 : naiveAbsSum / points;
    return new BacktestReport(
        forecaster.name(),
        histories.size(),
        origins,
        points,
        mae,
        scaledPoints == 0 ? OptionalDouble.empty() : OptionalDouble.of(scaledSum / scaledPoints),
        naiveMae,
        naiveMae == 0 ? OptionalDouble.empty() : OptionalDouble.of(mae / naiveMae),
        origins == 0 ? 0 : totalAbsSum / origins);
  }

  // Mean |y[t] − y[t−1]| over consecutive sellable days of the training part [0, n).
  private static double naiveScale(double[] y, boolean[] a, int n) {
    double s = 0;
    int c = 0;
    for (int t = 1; t < n; t++) {
      if (a[t] && a[t - 1]) {
        s += Math.abs(y[t] - y[t - 1]);
        c++;
      }
    }
    return c == 0 ? 0 : s / c;
  }

  /**
   * Builds a {@link Backtest}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private int horizon = 7;
    private int minTraining = 56;
    private int step = 7;

    private Builder() {}

    /** Days forecast from each origin, {@code >= 1}; default 7. @throws InvalidInputException if {@code < 1} */
    public Builder horizon(int days) {
      this.horizon = Check.positive(days, "horizon");
      return this;
    }

    /** Days of history before the first origin, {@code >= 1}; default 56. @throws InvalidInputException if {@code < 1} */
    public Builder minTraining(int days) {
      this.minTraining = Check.positive(days, "minTraining");
      return this;
    }

    /** Days between origins, {@code >= 1}; default 7. @throws InvalidInputException if {@code < 1} */
    public Builder step(int days) {
      this.step = Check.positive(days, "step");
      return this;
    }

    /** Builds the backtest. */
    public Backtest build() {
      return new Backtest(this);
    }
  }
}

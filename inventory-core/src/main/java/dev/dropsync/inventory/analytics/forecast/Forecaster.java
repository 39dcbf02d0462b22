package dev.dropsync.inventory.analytics.forecast;

/**
 * Anything that forecasts daily demand from a {@link DemandHistory}; what {@link Backtest} scores.
 * Implementations must be stateless or thread-safe.
 *
 * @since 0.1.0
 */
public interface Forecaster {

  /**
   * Forecasts the {@code horizon} days following the history (the first is {@link
   * DemandHistory#end()}).
   *
   * @param history the past, possibly empty
   * @param horizon number of days to forecast, {@code >= 1}
   * @return {@code horizon} non-negative values
   */
  double[] forecast(DemandHistory history, int horizon);

  /** A short name for reports, e.g. {@code "naive"}. */
  String name();

  /**
   * The naive forecast: the last sellable day's demand repeated (0 without any).
   *
   * @since 0.1.0
   */
  static Forecaster naive() {
    return new Forecaster() {
      @Override
      public double[] forecast(DemandHistory history, int horizon) {
        double last = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
          if (history.available(i)) {
            last = history.demand(i);
            break;
          }
        }
        double[] out = new double[horizon];
        java.util.Arrays.fill(out, last);
        return out;
      }

      @Override
      public String name() {
        return "naive";
      }
    };
  }

  /**
   * The seasonal naive forecast: the value of the same day one {@code period} earlier (the naive
   * forecast where the history is shorter than a period).
   *
   * @param period season length in days, {@code >= 1}
   * @throws dev.dropsync.inventory.InvalidInputException if {@code period < 1}
   * @since 0.1.0
   */
  static Forecaster seasonalNaive(int period) {
    dev.dropsync.inventory.analytics.internal.Check.positive(period, "period");
    return new Forecaster() {
      @Override
      public double[] forecast(DemandHistory history, int horizon) {
        int n = history.size();
        if (n < period) {
          return naive().forecast(history, horizon);
        }
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
          out[h] = history.demand(n - period + (h % period));
        }
        return out;
      }

      @Override
      public String name() {
        return "seasonal-naive(" + period + ")";
      }
    };
  }
}

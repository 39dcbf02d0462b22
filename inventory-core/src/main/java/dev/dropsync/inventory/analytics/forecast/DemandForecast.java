package dev.dropsync.inventory.analytics.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * A daily demand forecast produced by {@link DemandForecaster}. Immutable.
 *
 * @param start the first forecast day
 * @param method the method used
 * @param profile the ADI/CV² classification of the history
 * @param daily forecast units per day, one per horizon day, each {@code >= 0} (immutable)
 * @param sigma standard deviation of daily demand around the forecast, in units per day: the
 *     root-mean-square one-step-ahead error for smoothing methods, the standard deviation of daily
 *     demand on sellable days for Croston/SBA
 * @param weeklySeasonal whether weekly indices were applied
 * @param yearlySeasonal whether yearly (monthly) indices were applied
 * @since 0.1.0
 */
public record DemandForecast(
    LocalDate start,
    ForecastMethod method,
    DemandProfile profile,
    List<Double> daily,
    double sigma,
    boolean weeklySeasonal,
    boolean yearlySeasonal) {

  /** Copies the list. */
  public DemandForecast {
    daily = List.copyOf(daily);
  }

  /** The mean forecast per day over the horizon (0 for an empty horizon). */
  public double meanDaily() {
    return daily.isEmpty() ? 0 : total() / daily.size();
  }

  /** The forecast total over the horizon. */
  public double total() {
    double s = 0;
    for (double d : daily) {
      s += d;
    }
    return s;
  }
}

package dev.dropsync.inventory.analytics.forecast;

/**
 * The method a {@link DemandForecaster} used (or is told to use).
 *
 * @since 0.1.0
 */
public enum ForecastMethod {
  /** Choose from the {@link DemandProfile}: see {@link DemandForecaster}. Only valid as a setting. */
  AUTO,
  /** Damped-trend exponential smoothing of the daily series (SES when the trend weight is 0). */
  EXPONENTIAL_SMOOTHING,
  /**
   * Deseasonalise with weekly (and, with two years of history, yearly) indices, damped-trend
   * exponential smoothing, reseasonalise.
   */
  SEASONAL_EXPONENTIAL_SMOOTHING,
  /** Croston's method (intermittent demand). */
  CROSTON,
  /** Syntetos–Boylan approximation (lumpy demand). */
  SBA,
  /** No demand observed: forecast 0. */
  NO_DEMAND
}

package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.analytics.internal.Check;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forecasts daily demand, choosing the method from the history's {@link DemandProfile} (or using
 * the one set with {@link Builder#method}):
 *
 * <ul>
 *   <li>{@link DemandPattern#NONE} (or an empty history) → {@link ForecastMethod#NO_DEMAND}, 0 a day;
 *   <li>{@link DemandPattern#INTERMITTENT} → {@link ForecastMethod#CROSTON};
 *   <li>{@link DemandPattern#LUMPY} → {@link ForecastMethod#SBA};
 *   <li>{@link DemandPattern#SMOOTH} / {@link DemandPattern#ERRATIC} → damped-trend exponential
 *       smoothing, seasonal when seasonality is detected.
 * </ul>
 *
 * <p><b>Seasonality.</b> With at least 4 weeks of history, weekly indices per day of week are
 * computed by {@link SeasonalIndices#ratioToMovingAverage} (period 7); with at least 730 days and 24
 * complete calendar months, yearly indices per calendar month (period 12 on the monthly mean daily
 * demand). A set of indices is applied only if some index differs from 1 by at least the seasonality
 * threshold (default 0.1). The series is divided by the indices, smoothed, and the forecast is
 * multiplied back by the index of each forecast day.
 *
 * <p><b>Smoothing.</b> Damped-trend (Gardner–McKenzie) exponential smoothing on the deseasonalised
 * series: {@code level ← α·x + (1−α)(level + φ·trend)}, {@code trend ← β(level − level') + (1−β)φ·trend};
 * h days ahead: {@code level + (φ + φ² + … + φʰ)·trend}. Level starts at the mean of the first
 * week, trend at 0. Days that were not sellable are missing values: the state is propagated without
 * an update. With {@code β = 0} it is SES. Defaults α 0.2, β 0.05, φ 0.9.
 *
 * <p><b>Intermittent.</b> {@link Croston} on the sellable days only, α 0.1 by default.
 *
 * <p>Forecasts are never negative. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class DemandForecaster implements Forecaster {

  private final double alpha;
  private final double beta;
  private final double phi;
  private final double intermittentAlpha;
  private final double seasonalityThreshold;
  private final ForecastMethod method;

  private DemandForecaster(Builder b) {
    this.alpha = b.alpha;
    this.beta = b.beta;
    this.phi = b.phi;
    this.intermittentAlpha = b.intermittentAlpha;
    this.seasonalityThreshold = b.seasonalityThreshold;
    this.method = b.method;
  }

  /** A forecaster with the defaults (automatic method choice). */
  public static DemandForecaster defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return method == ForecastMethod.AUTO ? "dropsync-auto" : "dropsync-" + method.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public double[] forecast(DemandHistory history, int horizon) {
    DemandForecast f = predict(history, horizon);
    double[] out = new double[horizon];
    for (int i = 0; i < horizon; i++) {
      out[i] = f.daily().get(i);
    }
    return out;
  }

  /**
   * Forecasts the {@code horizon} days after {@code history}, with the details of how.
   *
   * @throws InvalidInputException if {@code history} is null or {@code horizon < 1}
   */
  public DemandForecast predict(DemandHistory history, int horizon) {
    Check.notNull(history, "history");
    Check.positive(horizon, "horizon");
    DemandProfile profile = DemandProfile.of(history);
    ForecastMethod m = method;
    if (m == ForecastMethod.AUTO) {
      switch (profile.pattern()) {
        case NONE:
          m = ForecastMethod.NO_DEMAND;
          break;
        case INTERMITTENT:
          m = ForecastMethod.CROSTON;
          break;
        case LUMPY:
          m = ForecastMethod.SBA;
          break;
        default:
          m = ForecastMethod.SEASONAL_EXPONENTIAL_SMOOTHING;
          break;
      }
    }
    if (profile.sellableDays() == 0 || profile.pattern() == DemandPattern.NONE) {
      m = ForecastMethod.NO_DEMAND;
    }
    switch (m) {
      case NO_DEMAND:
        return new DemandForecast(
            history.end(), m, profile, constant(0, horizon), 0, false, false);
      case CROSTON:
      case SBA:
        return intermittent(history, horizon, profile, m);
      default:
        return smoothing(history, horizon, profile, m == ForecastMethod.SEASONAL_EXPONENTIAL_SMOOTHING);
    }
  }

  private DemandForecast intermittent(
      DemandHistory history, int horizon, DemandProfile profile, ForecastMethod m) {
    double[] y = history.rawDemand();
    boolean[] a = history.rawAvailable();
    double[] sellable = new double[profile.sellableDays()];
    int k = 0;
    for (int i = 0; i < y.length; i++) {
      if (a[i]) {
        sellable[k++] = y[i];
      }
    }
    double rate = Croston.rate(sellable, intermittentAlpha, m == ForecastMethod.SBA);
    return new DemandForecast(
        history.end(), m, profile, constant(rate, horizon), stdDev(sellable), false, false);
  }

  private DemandForecast smoothing(
      DemandHistory history, int horizon, DemandProfile profile, boolean seasonalAllowed) {
    double[] y = history.rawDemand();
    boolean[] a = history.rawAvailable();
    int n = y.length;
    double mean = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (a[i]) {
        mean += y[i];
        count++;
      }
    }
    mean /= count;
    double[] filled = new double[n];
    for (int i = 0; i < n; i++) {
      filled[i] = a[i] ? y[i] : mean;
    }
    LocalDate start = history.start();
    double[] weekly = new double[7];
    Arrays.fill(weekly, 1);
    double[] monthly = new double[12];
    Arrays.fill(monthly, 1);
    boolean weeklyOn = false;
    boolean yearlyOn = false;
    if (seasonalAllowed && n >= 28) {
      double[] idx = SeasonalIndices.ratioToMovingAverage(filled, 7);
      if (significant(idx)) {
        for (int s = 0; s < 7; s++) {
          weekly[start.plusDays(s).getDayOfWeek().getValue() - 1] = idx[s];
        }
        weeklyOn = true;
      }
    }
    if (seasonalAllowed && n >= 730) {
      yearlyOn = yearly(filled, start, monthly);
    }
    int startDow = start.getDayOfWeek().getValue() - 1;
    int[] monthOf = new int[n];
    if (yearlyOn) {
      for (int i = 0; i < n; i++) {
        monthOf[i] = start.plusDays(i).getMonthValue() - 1;
      }
    }
    int warm = Math.min(7, n);
    double level = 0;
    int lc = 0;
    for (int i = 0; i < n && lc < warm; i++) {
      if (a[i]) {
        level += y[i] / season(weekly, monthly, (startDow + i) % 7, monthOf[i]);
        lc++;
      }
    }
    level = lc == 0 ? mean : level / lc;
    double trend = 0;
    double sse = 0;
    int errors = 0;
    for (int i = 0; i < n; i++) {
      double s = season(weekly, monthly, (startDow + i) % 7, monthOf[i]);
      double predicted = level + phi * trend;
      if (a[i]) {
        if (i >= warm) {
          double e = y[i] - Math.max(0, predicted * s);
          sse += e * e;
          errors++;
        }
        double x = y[i] / s;
        double newLevel = alpha * x + (1 - alpha) * predicted;
        trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
        level = newLevel;
      } else {
        level = predicted;
        trend = phi * trend;
      }
    }
    List<Double> daily = new ArrayList<>(horizon);
    double damp = 0;
    double phiK = 1;
    LocalDate end = history.end();
    int endDow = end.getDayOfWeek().getValue() - 1;
    for (int h = 1; h <= horizon; h++) {
      phiK *= phi;
      damp += phiK;
      int month = yearlyOn ? end.plusDays(h - 1).getMonthValue() - 1 : 0;
      double s = season(weekly, monthly, (endDow + h - 1) % 7, month);
      daily.add(Math.max(0, (level + damp * trend) * s));
    }
    double sigma;
    if (errors >= 2) {
      sigma = Math.sqrt(sse / errors);
    } else {
      double[] sellable = new double[count];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (a[i]) {
          sellable[k++] = y[i];
        }
      }
      sigma = stdDev(sellable);
    }
    ForecastMethod used =
        weeklyOn || yearlyOn
            ? ForecastMethod.SEASONAL_EXPONENTIAL_SMOOTHING
            : ForecastMethod.EXPONENTIAL_SMOOTHING;
    return new DemandForecast(end, used, profile, daily, sigma, weeklyOn, yearlyOn);
  }

  private boolean yearly(double[] filled, LocalDate start, double[] monthly) {
    LocalDate first = start.getDayOfMonth() == 1 ? start : start.withDayOfMonth(1).plusMonths(1);
    List<Double> means = new ArrayList<>();
    YearMonth firstMonth = YearMonth.from(first);
    YearMonth ym = firstMonth;
    while (true) {
      int from = (int) java.time.temporal.ChronoUnit.DAYS.between(start, ym.atDay(1));
      int to = from + ym.lengthOfMonth();
      if (to > filled.length) {
        break;
      }
      double s = 0;
      for (int i = from; i < to; i++) {
        s += filled[i];
      }
      means.add(s / ym.lengthOfMonth());
      ym = ym.plusMonths(1);
    }
    if (means.size() < 24) {
      return false;
    }
    double[] series = new double[means.size()];
    for (int i = 0; i < series.length; i++) {
      series[i] = means.get(i);
    }
    double[] idx = SeasonalIndices.ratioToMovingAverage(series, 12);
    if (!significant(idx)) {
      return false;
    }
    for (int s = 0; s < 12; s++) {
      monthly[firstMonth.plusMonths(s).getMonthValue() - 1] = idx[s];
    }
    return true;
  }

  private boolean significant(double[] idx) {
    for (double v : idx) {
      if (Math.abs(v - 1) >= seasonalityThreshold) {
        return true;
      }
    }
    return false;
  }

  private static double season(double[] weekly, double[] monthly, int dow, int month) {
    return Math.max(1e-6, weekly[dow] * monthly[month]);
  }

  private static List<Double> constant(double v, int horizon) {
    List<Double> out = new ArrayList<>(horizon);
    for (int i = 0; i < horizon; i++) {
      out.add(v);
    }
    return out;
  }

  static double stdDev(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double m = 0;
    for (double v : values) {
      m += v;
    }
    m /= values.length;
    double s = 0;
    for (double v : values) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (values.length - 1));
  }

  /**
   * Builds a {@link DemandForecaster}; starts from the defaults. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private double alpha = 0.2;
    private double beta = 0.05;
    private double phi = 0.9;
    private double intermittentAlpha = 0.1;
    private double seasonalityThreshold = 0.1;
    private ForecastMethod method = ForecastMethod.AUTO;

    private Builder() {}

    /** Level smoothing weight α in (0, 1]; default 0.2. @throws InvalidInputException if outside */
    public Builder alpha(double alpha) {
      this.alpha = Check.halfOpenUnit(alpha, "alpha");
      return this;
    }

    /**
     * Trend smoothing weight β in [0, 1]; default 0.05; 0 disables the trend (plain SES).
     *
     * @throws InvalidInputException if outside [0, 1]
     */
    public Builder beta(double beta) {
      if (!(beta >= 0 && beta <= 1)) {
        throw new InvalidInputException("beta", beta, "must be in [0, 1]");
      }
      this.beta = beta;
      return this;
    }

    /** Trend damping φ in (0, 1]; default 0.9. @throws InvalidInputException if outside */
    public Builder phi(double phi) {
      this.phi = Check.halfOpenUnit(phi, "phi");
      return this;
    }

    /** Croston/SBA smoothing weight in (0, 1]; default 0.1. @throws InvalidInputException if outside */
    public Builder intermittentAlpha(double alpha) {
      this.intermittentAlpha = Check.halfOpenUnit(alpha, "intermittentAlpha");
      return this;
    }

    /**
     * Minimum |index − 1| of some slot for a set of seasonal indices to be applied; default 0.1.
     *
     * @throws InvalidInputException if negative or not finite
     */
    public Builder seasonalityThreshold(double threshold) {
      this.seasonalityThreshold = Check.finiteNonNegative(threshold, "seasonalityThreshold");
      return this;
    }

    /**
     * Forces a method; default {@link ForecastMethod#AUTO}. A history without demand always gives
     * {@link ForecastMethod#NO_DEMAND}.
     *
     * @throws InvalidInputException if null
     */
    public Builder method(ForecastMethod method) {
      this.method = Check.notNull(method, "method");
      return this;
    }

    /** Builds the forecaster. */
    public DemandForecaster build() {
      return new DemandForecaster(this);
    }
  }
}

package dev.dropsync.inventory.analytics.forecast;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Seeded synthetic demand histories for tests and benchmarks. */
public final class SyntheticDemand {
  private SyntheticDemand() {}

  /** Monday 2024-01-01, so weekday slots are easy to read. */
  public static final LocalDate START = LocalDate.of(2024, 1, 1);

  /** Weekly profile Mon..Sun: weekend peak. */
  public static final double[] WEEKLY = {0.8, 0.8, 0.9, 1.0, 1.1, 1.4, 1.0};

  /**
   * {@code max(0, round((base + trend·t) × weekly[dow] × yearly[month] + N(0, noise)))}.
   *
   * @param yearly 12 monthly factors, or null for none
   */
  public static DemandHistory seasonal(
      long seed, int days, double base, double trend, double noise, double @org.jspecify.annotations.Nullable [] yearly) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[days];
    for (int t = 0; t < days; t++) {
      LocalDate d = START.plusDays(t);
      double mean = (base + trend * t) * WEEKLY[d.getDayOfWeek().getValue() - 1];
      if (yearly != null) {
        mean *= yearly[d.getMonthValue() - 1];
      }
      y[t] = Math.max(0, Math.round(mean + noise * gaussian(r)));
    }
    return DemandHistory.of(START, y);
  }

  /** Bernoulli(p) × Poisson(lambda) daily demand. */
  public static DemandHistory intermittent(long seed, int days, double p, double lambda) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[days];
    for (int t = 0; t < days; t++) {
      y[t] = r.nextDouble() < p ? poisson(r, lambda) : 0;
    }
    return DemandHistory.of(START, y);
  }

  static double gaussian(SplittableRandom r) {
    double u1 = 1 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  static int poisson(SplittableRandom r, double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }
}

package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.analytics.internal.Check;

/**
 * The ADI/CV² classification of a demand series (Syntetos–Boylan–Croston), computed over sellable
 * days only. Immutable.
 *
 * @param adi average inter-demand interval: sellable days ÷ days with demand (infinite without
 *     demand)
 * @param cv2 squared coefficient of variation of the non-zero demand sizes (population variance ÷
 *     mean²); 0 with fewer than two demands
 * @param demandDays number of sellable days with demand
 * @param sellableDays number of sellable days
 * @param pattern the resulting class
 * @since 0.1.0
 */
public record DemandProfile(
    double adi, double cv2, int demandDays, int sellableDays, DemandPattern pattern) {

  /** ADI above which demand is sporadic: {@value}. */
  public static final double ADI_CUTOFF = 1.32;

  /** CV² above which sizes are variable: {@value}. */
  public static final double CV2_CUTOFF = 0.49;

  /**
   * Classifies {@code history} over its sellable days.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code history} is null
   */
  public static DemandProfile of(DemandHistory history) {
    Check.notNull(history, "history");
    int sellable = 0;
    int n = 0;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < history.size(); i++) {
      if (!history.available(i)) {
        continue;
      }
      sellable++;
      double y = history.demand(i);
      if (y > 0) {
        n++;
        sum += y;
        sumSq += y * y;
      }
    }
    if (n == 0) {
      return new DemandProfile(Double.POSITIVE_INFINITY, 0, 0, sellable, DemandPattern.NONE);
    }
    double adi = (double) sellable / n;
    double mean = sum / n;
    double var = Math.max(0, sumSq / n - mean * mean);
    double cv2 = n < 2 ? 0 : var / (mean * mean);
    DemandPattern pattern;
    if (adi <= ADI_CUTOFF) {
      pattern = cv2 <= CV2_CUTOFF ? DemandPattern.SMOOTH : DemandPattern.ERRATIC;
    } else {
      pattern = cv2 <= CV2_CUTOFF ? DemandPattern.INTERMITTENT : DemandPattern.LUMPY;
    }
    return new DemandProfile(adi, cv2, n, sellable, pattern);
  }
}

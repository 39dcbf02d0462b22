package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.analytics.internal.Check;

/**
 * A reorder point: {@code ROP = d̄·L + z·σ·√L}, where d̄ is the mean daily demand over the lead
 * time, σ the standard deviation of daily demand, L the lead time in days and z the standard normal
 * quantile of the service level ({@link NormalDistribution#inverseCdf}). With d̄ 50, σ 12, L 14 and 95
 * %: z 1.6449, safety stock 73.85 ≈ 74, ROP 773.85 ≈ 774. Immutable.
 *
 * @param dailyDemand d̄, units per day
 * @param sigma σ, units per day
 * @param leadTimeDays L, days
 * @param serviceLevel the cycle service level in (0, 1)
 * @param z the safety factor
 * @param leadTimeDemand {@code d̄·L}
 * @param safetyStock {@code z·σ·√L}
 * @param value the reorder point, {@code leadTimeDemand + safetyStock}
 * @since 0.1.0
 */
public record ReorderPoint(
    double dailyDemand,
    double sigma,
    double leadTimeDays,
    double serviceLevel,
    double z,
    double leadTimeDemand,
    double safetyStock,
    double value) {

  /**
   * Computes the reorder point.
   *
   * @param dailyDemand mean daily demand, {@code >= 0}
   * @param sigma standard deviation of daily demand, {@code >= 0}
   * @param leadTimeDays lead time in days, {@code > 0}
   * @param serviceLevel probability of no stock-out during the lead time, in (0, 1)
   * @throws dev.dropsync.inventory.InvalidInputException naming the offending argument
   */
  public static ReorderPoint of(
      double dailyDemand, double sigma, double leadTimeDays, double serviceLevel) {
    Check.finiteNonNegative(dailyDemand, "dailyDemand");
    Check.finiteNonNegative(sigma, "sigma");
    Check.finitePositive(leadTimeDays, "leadTime");
    Check.openUnit(serviceLevel, "serviceLevel");
    double z = NormalDistribution.inverseCdf(serviceLevel);
    double lead = dailyDemand * leadTimeDays;
    double safety = Math.max(0, z * sigma * Math.sqrt(leadTimeDays));
    return new ReorderPoint(
        dailyDemand, sigma, leadTimeDays, serviceLevel, z, lead, safety, lead + safety);
  }

  /** The reorder point in whole units, rounded up. */
  public long units() {
    return (long) Math.ceil(value - 1e-9);
  }

  /** The safety stock in whole units, rounded up. */
  public long safetyStockUnits() {
    return (long) Math.ceil(safetyStock - 1e-9);
  }
}

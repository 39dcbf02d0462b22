package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.analytics.internal.Check;
import java.math.BigDecimal;

/**
 * A product's performance score, an integer from 0 (worst) to 100 (best), from its {@link
 * ProductKpis} over a period. The formula:
 *
 * <pre>
 * score = round(100 × (wV·V + wM·M + wT·T + wR·R) / (wV + wM + wT + wR))
 *
 * V = v / (v + velocityReference)                  sales velocity (units per sellable day), 0..1
 * M = clamp(margin / targetMargin, 0, 1)           gross margin, 0 if negative or unknown
 * T = t / (t + turnoverReference)                  t = turnover annualised: turnover × 365 / days
 * R = 1 − clamp(returnRate / maxReturnRate, 0, 1)  returns
 * </pre>
 *
 * <p>Defaults: weights {@code wV = 0.35, wM = 0.25, wT = 0.25, wR = 0.15}; {@code velocityReference
 * = 1} unit/day (a product selling 1 a day scores V = 0.5); {@code targetMargin = 0.5} (50 % margin
 * or more scores M = 1); {@code turnoverReference = 6} turns a year; {@code maxReturnRate = 0.2} (20
 * % returns or more scores R = 0). A component whose KPI is empty (no sellable day, no revenue, no
 * stock history) scores 0, and a product with no units sold scores 0 in total. {@code round} is half
 * up. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PerformanceScore {

  private final double velocityWeight;
  private final double marginWeight;
  private final double turnoverWeight;
  private final double returnsWeight;
  private final double velocityReference;
  private final double targetMargin;
  private final double turnoverReference;
  private final double maxReturnRate;

  private PerformanceScore(Builder b) {
    this.velocityWeight = b.velocityWeight;
    this.marginWeight = b.marginWeight;
    this.turnoverWeight = b.turnoverWeight;
    this.returnsWeight = b.returnsWeight;
    this.velocityReference = b.velocityReference;
    this.targetMargin = b.targetMargin;
    this.turnoverReference = b.turnoverReference;
    this.maxReturnRate = b.maxReturnRate;
  }

  /** The score with the default weights and references. */
  public static PerformanceScore defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The score of {@code kpis}, 0–100.
   *
   * @throws InvalidInputException if {@code kpis} is null
   */
  public int score(ProductKpis kpis) {
    Check.notNull(kpis, "kpis");
    if (kpis.unitsSold() == 0) {
      return 0;
    }
    double v = kpis.velocity().map(BigDecimal::doubleValue).orElse(0.0);
    double vScore = v / (v + velocityReference);
    double margin = kpis.margin().map(BigDecimal::doubleValue).orElse(0.0);
    double mScore = clamp(margin / targetMargin);
    double t =
        kpis.turnover().map(x -> x.doubleValue() * 365.0 / kpis.days()).orElse(0.0);
    double tScore = t <= 0 ? 0 : t / (t + turnoverReference);
    double rScore =
        kpis.returnRate().map(r -> 1 - clamp(r.doubleValue() / maxReturnRate)).orElse(0.0);
    double total = velocityWeight + marginWeight + turnoverWeight + returnsWeight;
    double s =
        100
            * (velocityWeight * vScore
                + marginWeight * mScore
                + turnoverWeight * tScore
                + returnsWeight * rScore)
            / total;
    return (int) Math.max(0, Math.min(100, Math.floor(s + 0.5)));
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  /**
   * Builds a {@link PerformanceScore}; starts from the defaults. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private double velocityWeight = 0.35;
    private double marginWeight = 0.25;
    private double turnoverWeight = 0.25;
    private double returnsWeight = 0.15;
    private double velocityReference = 1;
    private double targetMargin = 0.5;
    private double turnoverReference = 6;
    private double maxReturnRate = 0.2;

    private Builder() {}

    /**
     * The four weights (velocity, margin, turnover, returns), each {@code >= 0}, not all zero;
     * normalised by their sum. Default 0.35, 0.25, 0.25, 0.15.
     *
     * @throws InvalidInputException if a weight is negative or not finite, or all are zero
     */
    public Builder weights(double velocity, double margin, double turnover, double returns) {
      Check.finiteNonNegative(velocity, "velocityWeight");
      Check.finiteNonNegative(margin, "marginWeight");
      Check.finiteNonNegative(turnover, "turnoverWeight");
      Check.finiteNonNegative(returns, "returnsWeight");
      if (velocity + margin + turnover + returns == 0) {
        throw new InvalidInputException("weights", "0,0,0,0", "must not all be zero");
      }
      this.velocityWeight = velocity;
      this.marginWeight = margin;
      this.turnoverWeight = turnover;
      this.returnsWeight = returns;
      return this;
    }

    /** Units per day at which V = 0.5; default 1. @throws InvalidInputException if not > 0 */
    public Builder velocityReference(double unitsPerDay) {
      this.velocityReference = Check.finitePositive(unitsPerDay, "velocityReference");
      return this;
    }

    /** Margin scoring M = 1; default 0.5. @throws InvalidInputException if not in (0, 1] */
    public Builder targetMargin(double margin) {
      this.targetMargin = Check.halfOpenUnit(margin, "targetMargin");
      return this;
    }

    /** Annual turns at which T = 0.5; default 6. @throws InvalidInputException if not > 0 */
    public Builder turnoverReference(double turnsPerYear) {
      this.turnoverReference = Check.finitePositive(turnsPerYear, "turnoverReference");
      return this;
    }

    /** Return rate scoring R = 0; default 0.2. @throws InvalidInputException if not in (0, 1] */
    public Builder maxReturnRate(double rate) {
      this.maxReturnRate = Check.halfOpenUnit(rate, "maxReturnRate");
      return this;
    }

    /** Builds the score. */
    public PerformanceScore build() {
      return new PerformanceScore(this);
    }
  }
}

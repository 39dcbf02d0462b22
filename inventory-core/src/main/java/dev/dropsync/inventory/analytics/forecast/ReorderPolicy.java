package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.analytics.internal.Check;
import java.time.Duration;

/**
 * How to reorder one item: supplier lead time, target service level and how many days of demand an
 * order should cover beyond the lead time. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ReorderPolicy {

  private final Duration leadTime;
  private final double serviceLevel;
  private final Duration cover;

  private ReorderPolicy(Builder b) {
    this.leadTime = b.leadTime;
    this.serviceLevel = b.serviceLevel;
    this.cover = b.cover;
  }

  /** A builder: lead time 14 days, service level 0.95, cover 30 days. */
  public static Builder builder() {
    return new Builder();
  }

  /** Supplier lead time (order to stock), {@code > 0}; default 14 days. */
  public Duration leadTime() {
    return leadTime;
  }

  /** Lead time in (possibly fractional) days. */
  public double leadTimeDays() {
    return leadTime.toMillis() / 86_400_000.0;
  }

  /** Probability of not running out during the lead time, in (0, 1); default 0.95. */
  public double serviceLevel() {
    return serviceLevel;
  }

  /** Demand period an order covers after the lead time, {@code >= 0}; default 30 days. */
  public Duration cover() {
    return cover;
  }

  /** A builder with this policy's values. */
  public Builder toBuilder() {
    return new Builder().leadTime(leadTime).serviceLevel(serviceLevel).cover(cover);
  }

  @Override
  public String toString() {
    return "ReorderPolicy[leadTime=" + leadTime + ", serviceLevel=" + serviceLevel + ", cover=" + cover + "]";
  }

  /**
   * Builds a {@link ReorderPolicy}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Duration leadTime = Duration.ofDays(14);
    private double serviceLevel = 0.95;
    private Duration cover = Duration.ofDays(30);

    private Builder() {}

    /** Lead time, {@code > 0}. @throws InvalidInputException if null, zero or negative */
    public Builder leadTime(Duration leadTime) {
      Check.notNull(leadTime, "leadTime");
      if (leadTime.isNegative() || leadTime.isZero()) {
        throw new InvalidInputException("leadTime", leadTime, "must be > 0");
      }
      this.leadTime = leadTime;
      return this;
    }

    /** Service level in (0, 1). @throws InvalidInputException if outside (0, 1) */
    public Builder serviceLevel(double serviceLevel) {
      this.serviceLevel = Check.openUnit(serviceLevel, "serviceLevel");
      return this;
    }

    /** Cover period, {@code >= 0}. @throws InvalidInputException if null or negative */
    public Builder cover(Duration cover) {
      Check.notNull(cover, "cover");
      if (cover.isNegative()) {
        throw new InvalidInputException("cover", cover, "must be >= 0");
      }
      this.cover = cover;
      return this;
    }

    /** Builds the policy. */
    public ReorderPolicy build() {
      return new ReorderPolicy(this);
    }
  }
}

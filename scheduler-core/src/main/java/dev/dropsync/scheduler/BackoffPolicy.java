package dev.dropsync.scheduler;

import java.time.Duration;

/**
 * Exponential backoff with jitter between attempts: the delay before retry {@code n} (1-based) is
 * {@code min(maxDelay, initialDelay * multiplier^(n-1)) * j} with {@code j} in {@code [0.5, 1)}.
 * Immutable.
 *
 * @param initialDelay delay before the first retry (before jitter), positive
 * @param multiplier growth factor, {@code >= 1}
 * @param maxDelay cap (before jitter), {@code >= initialDelay}
 * @since 0.1.0
 */
public record BackoffPolicy(Duration initialDelay, double multiplier, Duration maxDelay) {

  /**
   * Validates the components.
   *
   * @throws InvalidSchedulerArgumentException if a component is out of range
   */
  public BackoffPolicy {
    InvalidSchedulerArgumentException.requirePositive("initialDelay", initialDelay);
    InvalidSchedulerArgumentException.requirePositive("maxDelay", maxDelay);
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new InvalidSchedulerArgumentException("multiplier", multiplier, "must be >= 1");
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new InvalidSchedulerArgumentException(
          "maxDelay", maxDelay, "must be >= initialDelay " + initialDelay);
    }
  }

  /**
   * The default: 1 s, doubling, capped at 5 min.
   *
   * @return the policy
   * @since 0.1.0
   */
  public static BackoffPolicy defaults() {
    return new BackoffPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5));
  }

  /**
   * Returns the delay before retry {@code retryNumber}.
   *
   * @param retryNumber 1 for the first retry
   * @param unitRandom a value in [0, 1), mapped to the jitter factor {@code 0.5 + unitRandom / 2}
   * @return the delay, at millisecond precision
   * @throws InvalidSchedulerArgumentException if retryNumber is below 1 or unitRandom is outside
   *     [0, 1)
   * @since 0.1.0
   */
  public Duration delay(int retryNumber, double unitRandom) {
    InvalidSchedulerArgumentException.requireAtLeast("retryNumber", retryNumber, 1);
    if (!(unitRandom >= 0.0 && unitRandom < 1.0)) {
      throw new InvalidSchedulerArgumentException("unitRandom", unitRandom, "must be in [0, 1)");
    }
    double base = initialDelay.toMillis() * Math.pow(multiplier, retryNumber - 1.0);
    double capped = Math.min(maxDelay.toMillis(), base);
    return Duration.ofMillis((long) Math.floor(capped * (0.5 + unitRandom / 2)));
  }
}

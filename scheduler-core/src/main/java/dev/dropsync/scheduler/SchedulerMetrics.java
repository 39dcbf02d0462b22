package dev.dropsync.scheduler;

import java.time.Duration;
import java.util.Map;

/**
 * A snapshot of one scheduler instance's counters (since it was built) plus the store's queue
 * depth. Immutable. Schedule uptime is {@link Schedule#successRate()}.
 *
 * @param byType counters per task type
 * @param queueDepth PENDING tasks due now in the store (all instances)
 * @param running tasks running in this instance
 * @since 0.1.0
 */
public record SchedulerMetrics(Map<String, TypeMetrics> byType, long queueDepth, int running) {

  /**
   * Copies the map.
   */
  public SchedulerMetrics {
    byType = Map.copyOf(byType);
  }

  /**
   * Counters for one task type.
   *
   * @param succeeded attempts that completed the task
   * @param failed tasks that failed permanently
   * @param retried attempts that failed and were rescheduled (timeouts included)
   * @param timedOut attempts abandoned because they exceeded their timeout
   * @param totalDuration summed run time of finished attempts (scheduler clock)
   * @param maxDuration longest finished attempt
   * @since 0.1.0
   */
  public record TypeMetrics(
      long succeeded,
      long failed,
      long retried,
      long timedOut,
      Duration totalDuration,
      Duration maxDuration) {

    /**
     * Returns the mean run time of finished attempts, zero when none.
     *
     * @return the mean
     * @since 0.1.0
     */
    public Duration meanDuration() {
      long n = succeeded + failed + retried;
      return n == 0 ? Duration.ZERO : totalDuration.dividedBy(n);
    }

    /**
     * Returns succeeded / (succeeded + failed), or 1.0 when none finished.
     *
     * @return the success rate
     * @since 0.1.0
     */
    public double successRate() {
      long n = succeeded + failed;
      return n == 0 ? 1.0 : (double) succeeded / n;
    }
  }
}

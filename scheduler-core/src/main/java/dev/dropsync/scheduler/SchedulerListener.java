package dev.dropsync.scheduler;

import java.time.Duration;
import java.time.Instant;

/**
 * Receives scheduler events (for metrics, logs and KPIs). All methods default to no-ops; they are
 * called synchronously on scheduler or worker threads, so implementations must be thread-safe and
 * fast, and exceptions they throw are swallowed.
 *
 * @since 0.1.0
 */
public interface SchedulerListener {

  /** A listener that ignores everything. */
  SchedulerListener NONE = new SchedulerListener() {};

  /**
   * A task was claimed by this scheduler and is about to run.
   *
   * @param task the claimed task
   * @since 0.1.0
   */
  default void onClaimed(AutomationTask task) {}

  /**
   * A task completed.
   *
   * @param task the task as claimed
   * @param duration run time on the scheduler's clock
   * @since 0.1.0
   */
  default void onCompleted(AutomationTask task, Duration duration) {}

  /**
   * A task failed permanently (retries exhausted, non-retryable error).
   *
   * @param task the task as claimed
   * @param error the final error
   * @since 0.1.0
   */
  default void onFailed(AutomationTask task, Throwable error) {}

  /**
   * An attempt failed and the task was rescheduled.
   *
   * @param task the task as claimed
   * @param error the attempt's error
   * @param nextAttemptAt when the retry becomes due
   * @since 0.1.0
   */
  default void onRetried(AutomationTask task, Throwable error, Instant nextAttemptAt) {}

  /**
   * A dead claim (no heartbeat within the dead-claim timeout) was found and the task returned to
   * PENDING.
   *
   * @param task the recovered task
   * @since 0.1.0
   */
  default void onDead(AutomationTask task) {}

  /**
   * A running task was released back to PENDING at shutdown.
   *
   * @param task the task as claimed
   * @since 0.1.0
   */
  default void onReleased(AutomationTask task) {}

  /**
   * A schedule missed fire times beyond the misfire threshold; its misfire policy was applied.
   *
   * @param schedule the schedule
   * @param missedCount how many fire times were missed (a lower bound for very long outages)
   * @param policy the applied policy
   * @since 0.1.0
   */
  default void onMisfired(Schedule schedule, long missedCount, MisfirePolicy policy) {}
}

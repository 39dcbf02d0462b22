package dev.dropsync.scheduler;

import static dev.dropsync.scheduler.InvalidSchedulerArgumentException.requireAtLeast;
import static dev.dropsync.scheduler.InvalidSchedulerArgumentException.requireNonBlank;
import static dev.dropsync.scheduler.InvalidSchedulerArgumentException.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A recurring schedule that creates an {@link AutomationTask} at each fire time. Immutable; the
 * store keeps the current version.
 *
 * @param id unique id
 * @param owner the tenant
 * @param taskType the task type created at each fire
 * @param recurrence when it fires
 * @param payload payload copied into each task (unmodifiable)
 * @param priority priority of created tasks
 * @param maxRetries retries of each created task after its first attempt
 * @param taskTimeout attempt timeout of created tasks, null for the scheduler default
 * @param misfirePolicy what to do with missed fire times
 * @param overlapPolicy what to do at a fire time while earlier runs are unfinished
 * @param active false while paused
 * @param createdAt creation time
 * @param lastRunAt when a task of this schedule last finished (success or final failure), null if
 *     never
 * @param nextRunAt the next fire time (UTC), null when paused or when the recurrence has ended
 * @param successCount tasks of this schedule that completed
 * @param failureCount tasks of this schedule that failed permanently
 * @since 0.1.0
 */
public record Schedule(
    String id,
    String owner,
    String taskType,
    Recurrence recurrence,
    Map<String, String> payload,
    TaskPriority priority,
    int maxRetries,
    @Nullable Duration taskTimeout,
    MisfirePolicy misfirePolicy,
    OverlapPolicy overlapPolicy,
    boolean active,
    Instant createdAt,
    @Nullable Instant lastRunAt,
    @Nullable Instant nextRunAt,
    long successCount,
    long failureCount) {

  /**
   * Validates and copies the components.
   *
   * @throws InvalidSchedulerArgumentException if a required component is null or blank, or a count
   *     is negative
   */
  public Schedule {
    requireNonBlank("id", id);
    requireNonBlank("owner", owner);
    requireNonBlank("taskType", taskType);
    requireNonNull("recurrence", recurrence);
    payload = Map.copyOf(requireNonNull("payload", payload));
    requireNonNull("priority", priority);
    requireAtLeast("maxRetries", maxRetries, 0);
    if (taskTimeout != null) {
      InvalidSchedulerArgumentException.requirePositive("taskTimeout", taskTimeout);
    }
    requireNonNull("misfirePolicy", misfirePolicy);
    requireNonNull("overlapPolicy", overlapPolicy);
    requireNonNull("createdAt", createdAt);
    if (successCount < 0) {
      throw new InvalidSchedulerArgumentException("successCount", successCount, "must be >= 0");
    }
    if (failureCount < 0) {
      throw new InvalidSchedulerArgumentException("failureCount", failureCount, "must be >= 0");
    }
  }

  /**
   * Returns the share of finished runs that succeeded (the schedule's "uptime"), or 1.0 when none
   * has finished.
   *
   * @return a value in [0, 1]
   * @since 0.1.0
   */
  public double successRate() {
    long total = successCount + failureCount;
    return total == 0 ? 1.0 : (double) successCount / total;
  }

  /**
   * Returns a copy with another active flag and next run time.
   *
   * @param newActive the active flag
   * @param newNextRunAt the next run time
   * @return the copy
   * @since 0.1.0
   */
  public Schedule withActive(boolean newActive, @Nullable Instant newNextRunAt) {
    return new Schedule(
        id, owner, taskType, recurrence, payload, priority, maxRetries, taskTimeout, misfirePolicy,
        overlapPolicy,
        newActive, createdAt, lastRunAt, newNextRunAt, successCount, failureCount);
  }

  /**
   * Returns a copy with another next run time.
   *
   * @param newNextRunAt the next run time
   * @return the copy
   * @since 0.1.0
   */
  public Schedule withNextRunAt(@Nullable Instant newNextRunAt) {
    return withActive(active, newNextRunAt);
  }

  /**
   * Returns a copy with one more success or failure recorded at {@code at}.
   *
   * @param success whether the run succeeded
   * @param at the finish time
   * @return the copy
   * @since 0.1.0
   */
  public Schedule withOutcome(boolean success, Instant at) {
    return new Schedule(
        id, owner, taskType, recurrence, payload, priority, maxRetries, taskTimeout, misfirePolicy,
        overlapPolicy,
        active, createdAt, at, nextRunAt, successCount + (success ? 1 : 0),
        failureCount + (success ? 0 : 1));
  }
}

package dev.dropsync.scheduler;

import static dev.dropsync.scheduler.InvalidSchedulerArgumentException.requireAtLeast;
import static dev.dropsync.scheduler.InvalidSchedulerArgumentException.requireNonBlank;
import static dev.dropsync.scheduler.InvalidSchedulerArgumentException.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One execution of a task type: a row in the {@link dev.dropsync.scheduler.spi.TaskStore}.
 * Immutable; state changes produce new instances in the store.
 *
 * <p>{@code (type, instanceKey)} is unique: inserting a second task with the same key is a no-op
 * when the payload is equal and a {@link DuplicateTaskKeyException} otherwise.
 *
 * @param id unique id
 * @param type the task type (a registered {@link TaskHandler} name)
 * @param instanceKey idempotency key, unique per type (e.g. {@code order-1234})
 * @param owner the tenant the task belongs to (used for fairness and queries)
 * @param priority claim priority
 * @param status lifecycle state
 * @param payload handler input (copied, unmodifiable)
 * @param retryCount retries done so far (0 on the first attempt)
 * @param maxRetries retries allowed after the first attempt, {@code >= 0}
 * @param createdAt when the task was created
 * @param scheduledAt when the task (or its next retry) becomes due
 * @param startedAt when the current or last attempt started, null if never
 * @param finishedAt when the task reached a terminal state, null otherwise
 * @param lastError message of the most recent failure, null if none
 * @param pickedBy the worker id holding the claim while RUNNING, null otherwise
 * @param heartbeatAt last heartbeat of the claim, null when not RUNNING
 * @param version optimistic version; bumped by every claim and release so a stale worker's write
 *     is refused
 * @param scheduleId the schedule that created the task, null for ad-hoc tasks
 * @param timeout maximum run time of one attempt, null for the scheduler default
 * @since 0.1.0
 */
public record AutomationTask(
    String id,
    String type,
    String instanceKey,
    String owner,
    TaskPriority priority,
    TaskStatus status,
    Map<String, String> payload,
    int retryCount,
    int maxRetries,
    Instant createdAt,
    Instant scheduledAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String lastError,
    @Nullable String pickedBy,
    @Nullable Instant heartbeatAt,
    long version,
    @Nullable String scheduleId,
    @Nullable Duration timeout) {

  /**
   * Validates and copies the components.
   *
   * @throws InvalidSchedulerArgumentException if a required component is null or blank, or a count
   *     is negative
   */
  public AutomationTask {
    requireNonBlank("id", id);
    requireNonBlank("type", type);
    requireNonBlank("instanceKey", instanceKey);
    requireNonBlank("owner", owner);
    requireNonNull("priority", priority);
    requireNonNull("status", status);
    payload = Map.copyOf(requireNonNull("payload", payload));
    requireAtLeast("retryCount", retryCount, 0);
    requireAtLeast("maxRetries", maxRetries, 0);
    requireNonNull("createdAt", createdAt);
    requireNonNull("scheduledAt", scheduledAt);
    if (timeout != null) {
      InvalidSchedulerArgumentException.requirePositive("timeout", timeout);
    }
  }

  /**
   * Creates a new PENDING task with version 0.
   *
   * @param id unique id
   * @param type task type
   * @param instanceKey idempotency key
   * @param owner tenant
   * @param priority priority
   * @param payload payload
   * @param maxRetries retries after the first attempt
   * @param createdAt creation time
   * @param scheduledAt due time
   * @param scheduleId originating schedule or null
   * @param timeout attempt timeout or null
   * @return the task
   * @throws InvalidSchedulerArgumentException on invalid components
   * @since 0.1.0
   */
  public static AutomationTask pending(
      String id,
      String type,
      String instanceKey,
      String owner,
      TaskPriority priority,
      Map<String, String> payload,
      int maxRetries,
      Instant createdAt,
      Instant scheduledAt,
      @Nullable String scheduleId,
      @Nullable Duration timeout) {
    return new AutomationTask(
        id, type, instanceKey, owner, priority, TaskStatus.PENDING, payload, 0, maxRetries,
        createdAt, scheduledAt, null, null, null, null, null, 0, scheduleId, timeout);
  }

  /**
   * Returns the 1-based attempt number of the current or next run ({@code retryCount + 1}).
   *
   * @return the attempt number
   * @since 0.1.0
   */
  public int attempt() {
    return retryCount + 1;
  }

  /**
   * Returns this task claimed by {@code workerId} at {@code now}: RUNNING, version + 1.
   *
   * @param workerId the claiming worker
   * @param now the claim time
   * @return the claimed copy
   * @since 0.1.0
   */
  public AutomationTask claimed(String workerId, Instant now) {
    return new AutomationTask(
        id, type, instanceKey, owner, priority, TaskStatus.RUNNING, payload, retryCount, maxRetries,
        createdAt, scheduledAt, now, null, lastError, workerId, now, version + 1, scheduleId,
        timeout);
  }

  /**
   * Returns this task back in PENDING (claim cleared, version + 1) due at {@code dueAt}.
   *
   * @param dueAt the new due time
   * @param retries the new retry count
   * @param error the error to keep, or null to keep the current one
   * @return the released copy
   * @since 0.1.0
   */
  public AutomationTask released(Instant dueAt, int retries, @Nullable String error) {
    return new AutomationTask(
        id, type, instanceKey, owner, priority, TaskStatus.PENDING, payload, retries, maxRetries,
        createdAt, dueAt, startedAt, null, error == null ? lastError : error, null, null,
        version + 1, scheduleId, timeout);
  }

  /**
   * Returns this task in a terminal state (claim cleared, version + 1).
   *
   * @param terminal COMPLETED, FAILED or CANCELLED
   * @param at the finish time
   * @param error the error to keep, or null to keep the current one
   * @return the finished copy
   * @since 0.1.0
   */
  public AutomationTask finished(TaskStatus terminal, Instant at, @Nullable String error) {
    return new AutomationTask(
        id, type, instanceKey, owner, priority, terminal, payload, retryCount, maxRetries,
        createdAt, scheduledAt, startedAt, at, error == null ? lastError : error, null, null,
        version + 1, scheduleId, timeout);
  }

  /**
   * Returns this task with a new heartbeat time (version unchanged).
   *
   * @param at the heartbeat time
   * @return the copy
   * @since 0.1.0
   */
  public AutomationTask heartbeat(Instant at) {
    return new AutomationTask(
        id, type, instanceKey, owner, priority, status, payload, retryCount, maxRetries, createdAt,
        scheduledAt, startedAt, finishedAt, lastError, pickedBy, at, version, scheduleId, timeout);
  }
}

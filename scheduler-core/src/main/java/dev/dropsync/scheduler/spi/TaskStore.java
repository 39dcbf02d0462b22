package dev.dropsync.scheduler.spi;

import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.DuplicateTaskKeyException;
import dev.dropsync.scheduler.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Persistence of tasks and schedules, shared by every {@link dev.dropsync.scheduler.Scheduler}
 * instance that uses it. Implementations must be thread-safe, and each method is atomic.
 *
 * <h2>Claiming</h2>
 *
 * {@link #claimDue} atomically moves up to {@code limit} due PENDING tasks to RUNNING for one worker,
 * so no two workers ever hold the same task. Order: effective priority weight descending (the task's
 * priority, raised by {@link ClaimFilter#effectiveWeight aging} when the filter enables it); within
 * a priority,
 * fairness across owners: the next task goes to the owner with the fewest RUNNING tasks (counting
 * those claimed earlier in the same call), ties going to the owner served least recently (round
 * robin; the store remembers each owner's last claim), then oldest {@code scheduledAt}, then id. So
 * one tenant's flood of tasks cannot starve another tenant at the same priority. For SQL this maps
 * onto (with an {@code owner_stats(owner, running, last_claim_seq)} table maintained in the same
 * transaction):
 *
 * <pre>{@code
 * UPDATE task SET status='RUNNING', picked_by=?, heartbeat_at=?, started_at=?, version=version+1
 * WHERE id IN (SELECT id FROM (SELECT t.id, t.priority, t.scheduled_at, r.last_claim_seq, coalesce(r.running, 0)
 *         + row_number() OVER (PARTITION BY t.owner, t.priority ORDER BY t.scheduled_at, t.id) AS load
 *       FROM task t LEFT JOIN owner_stats r ON r.owner = t.owner
 *       WHERE t.status='PENDING' AND t.scheduled_at <= ? AND t.type = ANY(?)) c
 *     ORDER BY priority DESC, load, last_claim_seq NULLS FIRST, scheduled_at, id LIMIT ?)
 *   AND status='PENDING'          -- re-checked under the row lock (FOR UPDATE SKIP LOCKED)
 * RETURNING *;
 * }</pre>
 *
 * <h2>Version checks</h2>
 *
 * Every write by a worker ({@link #heartbeat}, {@link #complete}, {@link #fail}, {@link #reschedule})
 * names the worker id and the task version it claimed, and succeeds only while the task is still
 * RUNNING under that claim. Claims and releases bump the version, so a worker whose claim was
 * recovered as dead cannot overwrite the new owner's state.
 *
 * @since 0.1.0
 */
public interface TaskStore {

  /**
   * Inserts a task unless one with the same {@code (type, instanceKey)} exists.
   *
   * @param task a PENDING task
   * @return INSERTED, or ALREADY_EXISTS when an equal-payload task with that key exists
   * @throws DuplicateTaskKeyException if a task with that key exists with a different payload
   * @since 0.1.0
   */
  InsertResult insertIfAbsent(AutomationTask task);

  /**
   * Atomically claims up to {@code limit} PENDING tasks with {@code scheduledAt <= now}, in the order
   * described in the class doc: each becomes RUNNING with {@code pickedBy = workerId}, {@code
   * startedAt = heartbeatAt = now} and {@code version + 1}.
   *
   * @param now the current time
   * @param limit the most tasks to claim, {@code >= 1}
   * @param workerId the claiming worker
   * @param filter types the worker runs and global per-type concurrency limits
   * @return the claimed tasks in claim order (their new versions)
   * @since 0.1.0
   */
  List<AutomationTask> claimDue(Instant now, int limit, String workerId, ClaimFilter filter);

  /**
   * Records a heartbeat for a claim.
   *
   * @param taskId the task
   * @param workerId the claiming worker
   * @param version the claimed version
   * @param now the heartbeat time
   * @return false if the claim is no longer held (recovered, released or finished)
   * @since 0.1.0
   */
  boolean heartbeat(String taskId, String workerId, long version, Instant now);

  /**
   * Marks a claimed task COMPLETED.
   *
   * @param taskId the task
   * @param workerId the claiming worker
   * @param version the claimed version
   * @param finishedAt the finish time
   * @return false (and no change) if the claim is no longer held
   * @since 0.1.0
   */
  boolean complete(String taskId, String workerId, long version, Instant finishedAt);

  /**
   * Marks a claimed task FAILED permanently, keeping {@code error}.
   *
   * @param taskId the task
   * @param workerId the claiming worker
   * @param version the claimed version
   * @param finishedAt the finish time
   * @param error the failure message to keep
   * @return false (and no change) if the claim is no longer held
   * @since 0.1.0
   */
  boolean fail(String taskId, String workerId, long version, Instant finishedAt, String error);

  /**
   * Returns a claimed task to PENDING, due at {@code dueAt}, with {@code retryCount} and (when not
   * null) {@code error} stored: used for retries and for releasing tasks at shutdown.
   *
   * @param taskId the task
   * @param workerId the claiming worker
   * @param version the claimed version
   * @param dueAt when it becomes due again
   * @param retryCount the retry count to store
   * @param error the error to keep, or null to keep the previous one
   * @return false (and no change) if the claim is no longer held
   * @since 0.1.0
   */
  boolean reschedule(
      String taskId,
      String workerId,
      long version,
      Instant dueAt,
      int retryCount,
      @Nullable String error);

  /**
   * Returns to PENDING every RUNNING task whose heartbeat is older than {@code now - timeout}
   * (the claim is dead: its worker crashed or froze). Bumps the version, keeps the retry count.
   *
   * @param now the current time
   * @param timeout how long a claim may go without heartbeat
   * @return the recovered tasks (new state)
   * @since 0.1.0
   */
  List<AutomationTask> recoverDead(Instant now, Duration timeout);

  /**
   * Cancels a PENDING task.
   *
   * @param taskId the task
   * @param at the cancellation time
   * @return false if the task does not exist or is not PENDING
   * @since 0.1.0
   */
  boolean cancel(String taskId, Instant at);

  /**
   * Finds a task by id.
   *
   * @param taskId the id
   * @return the task
   * @since 0.1.0
   */
  Optional<AutomationTask> findTask(String taskId);

  /**
   * Finds a task by its idempotency key.
   *
   * @param type the task type
   * @param instanceKey the instance key
   * @return the task
   * @since 0.1.0
   */
  Optional<AutomationTask> findTask(String type, String instanceKey);

  /**
   * Lists an owner's tasks, oldest {@code createdAt} first.
   *
   * @param owner the tenant
   * @return the tasks
   * @since 0.1.0
   */
  List<AutomationTask> tasksByOwner(String owner);

  /**
   * Counts a schedule's PENDING and RUNNING tasks (for {@link
   * dev.dropsync.scheduler.OverlapPolicy}).
   *
   * @param scheduleId the schedule
   * @return the count
   * @since 0.1.0
   */
  long countUnfinishedTasks(String scheduleId);

  /**
   * Counts PENDING tasks with {@code scheduledAt <= now} (the queue depth).
   *
   * @param now the current time
   * @return the count
   * @since 0.1.0
   */
  long countDue(Instant now);

  /**
   * Inserts a schedule.
   *
   * @param schedule the schedule
   * @return false if a schedule with that id exists (nothing changed)
   * @since 0.1.0
   */
  boolean insertSchedule(Schedule schedule);

  /**
   * Finds a schedule.
   *
   * @param scheduleId the id
   * @return the schedule
   * @since 0.1.0
   */
  Optional<Schedule> findSchedule(String scheduleId);

  /**
   * Lists active schedules with {@code nextRunAt <= now}, earliest first.
   *
   * @param now the current time
   * @param limit the most to return
   * @return the due schedules
   * @since 0.1.0
   */
  List<Schedule> dueSchedules(Instant now, int limit);

  /**
   * Atomically, if the schedule is active and its {@code nextRunAt} equals {@code expectedNextRunAt}:
   * sets {@code nextRunAt} to {@code newNextRunAt} and inserts {@code tasks} with {@link
   * #insertIfAbsent} semantics. This compare-and-set makes each fire time produce its tasks once
   * even when several schedulers process the same schedule.
   *
   * @param scheduleId the schedule
   * @param expectedNextRunAt the fire time the caller processed
   * @param newNextRunAt the following fire time, or null when the recurrence has ended
   * @param tasks the tasks to create
   * @return false (and no change) if another caller advanced the schedule first or it was paused
   * @throws DuplicateTaskKeyException if a task key exists with a different payload (no change)
   * @since 0.1.0
   */
  boolean advanceSchedule(
      String scheduleId,
      Instant expectedNextRunAt,
      @Nullable Instant newNextRunAt,
      List<AutomationTask> tasks);

  /**
   * Sets a schedule's active flag and next run time (pause, resume).
   *
   * @param scheduleId the schedule
   * @param active the flag
   * @param nextRunAt the next run time
   * @return false if the schedule does not exist
   * @since 0.1.0
   */
  boolean updateScheduleState(String scheduleId, boolean active, @Nullable Instant nextRunAt);

  /**
   * Counts a finished run of a schedule's task: success or permanent failure, and {@code lastRunAt}.
   *
   * @param scheduleId the schedule
   * @param success whether the run completed
   * @param at the finish time
   * @since 0.1.0
   */
  void recordScheduleOutcome(String scheduleId, boolean success, Instant at);

  /**
   * Lists an owner's schedules, by id.
   *
   * @param owner the tenant
   * @return the schedules
   * @since 0.1.0
   */
  List<Schedule> schedulesByOwner(String owner);

  /**
   * Deletes a schedule (its tasks stay).
   *
   * @param scheduleId the schedule
   * @return false if it did not exist
   * @since 0.1.0
   */
  boolean deleteSchedule(String scheduleId);
}

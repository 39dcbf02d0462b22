package dev.dropsync.scheduler;

/**
 * Runs tasks of one type. Registered on {@link Scheduler.Builder#handler}. Must be thread-safe: the
 * scheduler calls it from several worker threads at once (bounded by the type's concurrency limit).
 *
 * <p>Delivery is at least once: a task can run again after a crash or an expired claim, so handlers
 * must be idempotent (use {@link AutomationTask#instanceKey()} as the idempotency key for side
 * effects). Returning normally completes the task; throwing fails the attempt, which is retried with
 * backoff up to {@code maxRetries}, unless the exception is (or is caused by) a {@link
 * NonRetryableTaskException}. A handler should stop early when {@link TaskContext#isCancelled()}
 * turns true or its thread is interrupted (timeout, lost claim or shutdown).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TaskHandler {

  /**
   * Runs one attempt of a task.
   *
   * @param context the task and its attempt
   * @throws Exception to fail the attempt
   * @since 0.1.0
   */
  void handle(TaskContext context) throws Exception;
}

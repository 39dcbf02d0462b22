package dev.dropsync.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * What a {@link TaskHandler} gets for one attempt. Thread-safe.
 *
 * @since 0.1.0
 */
public final class TaskContext {
  private final AutomationTask task;
  private final Clock clock;
  private final Instant deadline;
  private volatile boolean cancelled;

  TaskContext(AutomationTask task, Clock clock, Instant deadline) {
    this.task = task;
    this.clock = clock;
    this.deadline = deadline;
  }

  /**
   * Returns the claimed task (status RUNNING).
   *
   * @return the task
   * @since 0.1.0
   */
  public AutomationTask task() {
    return task;
  }

  /**
   * Returns the task's payload.
   *
   * @return the payload, unmodifiable
   * @since 0.1.0
   */
  public Map<String, String> payload() {
    return task.payload();
  }

  /**
   * Returns the 1-based attempt number.
   *
   * @return the attempt
   * @since 0.1.0
   */
  public int attempt() {
    return task.attempt();
  }

  /**
   * Returns the scheduler's clock.
   *
   * @return the clock
   * @since 0.1.0
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns when this attempt times out (on the scheduler's clock).
   *
   * @return the deadline
   * @since 0.1.0
   */
  public Instant deadline() {
    return deadline;
  }

  /**
   * Returns whether the attempt was abandoned (timeout, lost claim or shutdown); the handler should
   * stop, its result is ignored.
   *
   * @return true once cancelled
   * @since 0.1.0
   */
  public boolean isCancelled() {
    return cancelled;
  }

  void cancel() {
    cancelled = true;
  }
}

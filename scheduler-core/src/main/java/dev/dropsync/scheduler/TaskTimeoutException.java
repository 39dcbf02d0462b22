package dev.dropsync.scheduler;

import java.time.Duration;

/**
 * An attempt ran longer than its timeout and was abandoned (its thread interrupted). Counts as a
 * retryable failure; it is the error kept on the task.
 *
 * @since 0.1.0
 */
public class TaskTimeoutException extends SchedulerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param taskId the task
   * @param timeout the exceeded timeout
   * @since 0.1.0
   */
  public TaskTimeoutException(String taskId, Duration timeout) {
    super("task " + taskId + " timed out after " + timeout);
  }
}

package dev.dropsync.scheduler;

/**
 * Thrown by a {@link TaskHandler} (directly or as a cause) to fail the task at once, without retries
 * (e.g. invalid input, authentication or quota errors).
 *
 * @since 0.1.0
 */
public class NonRetryableTaskException extends SchedulerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the task cannot succeed
   * @since 0.1.0
   */
  public NonRetryableTaskException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message why the task cannot succeed
   * @param cause the underlying error
   * @since 0.1.0
   */
  public NonRetryableTaskException(String message, Throwable cause) {
    super(message, cause);
  }
}

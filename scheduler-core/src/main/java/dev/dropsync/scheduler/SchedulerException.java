package dev.dropsync.scheduler;

/**
 * Root of every exception thrown by the scheduler module. Unchecked.
 *
 * @since 0.1.0
 */
public class SchedulerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message the detail message
   * @since 0.1.0
   */
  public SchedulerException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message the detail message
   * @param cause the cause
   * @since 0.1.0
   */
  public SchedulerException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.dropsync.automation;

/**
 * Root of the exceptions specific to the automation module (secrets, credentials, failed task
 * runs). Unchecked. Bad arguments are refused with inventory-core's {@link
 * dev.dropsync.inventory.InvalidInputException} and unknown or foreign ids with {@link
 * dev.dropsync.inventory.NotFoundException}, like every other dropsync engine. Messages never
 * contain a secret.
 *
 * @since 0.1.0
 */
public class AutomationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message the detail message (no secrets)
   * @since 0.1.0
   */
  public AutomationException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message the detail message (no secrets)
   * @param cause the cause
   * @since 0.1.0
   */
  public AutomationException(String message, Throwable cause) {
    super(message, cause);
  }
}

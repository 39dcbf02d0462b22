package dev.dropsync.examples.demo;

/**
 * A bad command line or environment: the message names the option (or variable) and the value. The
 * demo exits with status 2 and prints the message, never a stack trace.
 *
 * @since 0.1.0
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A usage error.
   *
   * @param message what is wrong, naming the option and the value
   * @since 0.1.0
   */
  public UsageException(String message) {
    super(message);
  }
}

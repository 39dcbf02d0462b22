package dev.dropsync.examples.demo;

/**
 * The demo could not do what it promises (e.g. an order was never placed, the simulator saw a
 * throttled call or a duplicate order). The demo exits with status 1 and prints the message on one
 * line.
 *
 * @since 0.1.0
 */
public final class DemoFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure.
   *
   * @param message what went wrong, on one line
   * @since 0.1.0
   */
  public DemoFailure(String message) {
    super(message);
  }

  /**
   * A failure caused by {@code cause}.
   *
   * @param message what went wrong, on one line
   * @param cause the exception behind it
   * @since 0.1.0
   */
  public DemoFailure(String message, Throwable cause) {
    super(message, cause);
  }
}

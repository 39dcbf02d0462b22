package dev.dropsync.fulfillment;

/**
 * A pipeline step of {@link FulfillmentEngine#processOrder} failed because an SPI (freight quotes,
 * supplier orders, stock) threw. Everything done before the step is kept; the step's outcome is
 * recorded so that calling {@code processOrder} again resumes safely (a supplier order whose
 * creation outcome is unknown is looked up by its reference before being sent again). Retryable.
 *
 * @since 0.1.0
 */
public class StepFailedException extends FulfillmentException {
  private static final long serialVersionUID = 1L;

  private final OrderId orderId;
  private final PipelineStep step;

  /** @param orderId the order @param step the failed step @param cause what the SPI threw */
  public StepFailedException(OrderId orderId, PipelineStep step, Throwable cause) {
    super("processing order \"" + orderId.value() + "\" failed at step " + step + ": " + cause, cause);
    this.orderId = orderId;
    this.step = step;
  }

  /** The order being processed. */
  public OrderId orderId() {
    return orderId;
  }

  /** The step that failed. */
  public PipelineStep step() {
    return step;
  }
}

package dev.dropsync.fulfillment;

/**
 * Root of the exceptions the fulfilment engine adds to inventory-core's ({@link
 * dev.dropsync.inventory.InvalidInputException} and {@link dev.dropsync.inventory.NotFoundException}
 * are reused for bad input and unknown ids). Unchecked.
 *
 * @since 0.1.0
 */
public class FulfillmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public FulfillmentException(String message) {
    super(message);
  }

  /** An exception with {@code message} and {@code cause}. */
  public FulfillmentException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.FulfillmentException;

/**
 * Thrown by the in-memory SPI fakes when a test scripted a failure (an outage, a timeout after the
 * supplier created the order, ...).
 *
 * @since 0.1.0
 */
public class SimulatedFailureException extends FulfillmentException {
  private static final long serialVersionUID = 1L;

  /** @param message what was simulated */
  public SimulatedFailureException(String message) {
    super(message);
  }
}

package dev.dropsync.fulfillment;

/**
 * What {@code processOrder} does when not every line can be reserved.
 *
 * @since 0.1.0
 */
public enum StockPolicy {
  /** Reserve nothing and put the order ON_HOLD (OUT_OF_STOCK); {@code processOrder} retries. Default. */
  HOLD,
  /**
   * Reserve what is available now (per line, at most the ordered quantity) and ship that; the order's
   * fulfilment status stays partial. Holds only if nothing at all is available.
   */
  SHIP_AVAILABLE
}

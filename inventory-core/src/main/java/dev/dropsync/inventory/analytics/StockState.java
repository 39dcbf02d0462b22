package dev.dropsync.inventory.analytics;

/**
 * Whether a variant could be sold on a day, as observed at the day's close.
 *
 * @since 0.1.0
 */
public enum StockState {
  /** Listed and sellable. */
  ACTIVE,
  /** Listed but out of stock (the engine's INACTIVE_OUT_OF_STOCK, or zero stock). */
  OUT_OF_STOCK,
  /** Switched off by the owner or archived. */
  INACTIVE
}

package dev.dropsync.fulfillment;

/**
 * Events the customer is told about through the {@link dev.dropsync.fulfillment.spi.Notifier}.
 * Each is sent at most once per event (SHIPPED once per supplier order, the rest once per order).
 *
 * @since 0.1.0
 */
public enum NotificationType {
  /** The order is confirmed and placed with the supplier(s). */
  CONFIRMED,
  /** A parcel shipped; carries tracking. */
  SHIPPED,
  /** Everything was delivered. */
  DELIVERED,
  /** The order has not shipped within the SLA. */
  DELAYED,
  /** The order could not be fulfilled. */
  FAILED,
  /** The order was cancelled. */
  CANCELLED
}

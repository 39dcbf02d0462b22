package dev.dropsync.fulfillment;

/**
 * Shipping progress of an order, derived from its supplier orders (and from lines that could not be
 * reserved under the SHIP_AVAILABLE stock policy, which keep the order "partial").
 *
 * @since 0.1.0
 */
public enum FulfillmentStatus {
  /** Nothing shipped yet. */
  UNFULFILLED,
  /** Some supplier orders shipped, or all shipped but some ordered units were never allocated. */
  PARTIALLY_SHIPPED,
  /** Every ordered unit shipped. */
  SHIPPED,
  /** Some supplier orders delivered, the rest shipped (or units were never allocated). */
  PARTIALLY_DELIVERED,
  /** Every ordered unit delivered. */
  DELIVERED
}

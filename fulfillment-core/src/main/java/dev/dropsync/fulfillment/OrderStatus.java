package dev.dropsync.fulfillment;

/**
 * Where a customer order stands. Allowed moves are the data in {@link OrderLifecycle}.
 *
 * @since 0.1.0
 */
public enum OrderStatus {
  /** Created, not yet processed (the host calls {@code processOrder} once payment is captured). */
  PENDING,
  /** Paid and stock reserved. */
  CONFIRMED,
  /** Supplier orders are being (or have been) placed. */
  PROCESSING,
  /** Every supplier order shipped (derived from supplier orders, never set by hand). */
  SHIPPED,
  /** Every supplier order delivered (derived). Terminal. */
  DELIVERED,
  /** Waiting for a person or for stock; see {@link Order#holdReason()}. */
  ON_HOLD,
  /** Cancelled; every supplier order cancelled or never placed. Terminal. */
  CANCELLED,
  /** Placement retries are spent; an operator may retry (back to CONFIRMED) or cancel. */
  FAILED;

  /** True for DELIVERED and CANCELLED. */
  public boolean isTerminal() {
    return this == DELIVERED || this == CANCELLED;
  }
}

package dev.dropsync.fulfillment;

/**
 * Why an order is {@link OrderStatus#ON_HOLD}.
 *
 * @since 0.1.0
 */
public enum HoldReason {
  /** Not enough stock to reserve (stock policy HOLD, or nothing at all available). {@code processOrder} retries. */
  OUT_OF_STOCK,
  /** No freight option satisfied the shipping policy. {@code processOrder} retries. */
  NO_SHIPPING_OPTION,
  /** A supplier rejected a supplier order; needs a person (backup supplier or cancel). */
  SUPPLIER_REJECTED,
  /** A supplier reported a supplier order INCOMPLETE. */
  SUPPLIER_INCOMPLETE,
  /** Put on hold by a person through {@link FulfillmentEngine#hold}. */
  MANUAL
}

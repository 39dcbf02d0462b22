package dev.dropsync.fulfillment;

/**
 * What {@link FulfillmentEngine#applySupplierUpdate} did with an update.
 *
 * @since 0.1.0
 */
public enum UpdateOutcome {
  /** Applied (status and/or tracking changed). */
  APPLIED,
  /** Seen before (same message id, or same {@code asOf} as the last applied update); ignored. */
  DUPLICATE,
  /** Older than the last applied update, or it would move the order backwards; ignored. */
  STALE
}

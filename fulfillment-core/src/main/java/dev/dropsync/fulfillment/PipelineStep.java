package dev.dropsync.fulfillment;

/**
 * The steps of {@link FulfillmentEngine#processOrder}, in order. Each is idempotent.
 *
 * @since 0.1.0
 */
public enum PipelineStep {
  /** Validate stock and reserve it (inventory-core). */
  RESERVE,
  /** Ask {@code FreightQuotes} and choose an option with the {@link ShippingPolicy}. */
  QUOTE,
  /** Place one supplier order per supplier through {@code SupplierOrders}. */
  PLACE,
  /** Commit (consume) the reservation. */
  COMMIT,
  /** Tell the customer the order is confirmed. */
  NOTIFY,
  /** Record the commission split in the earnings ledger. */
  COMMISSION
}

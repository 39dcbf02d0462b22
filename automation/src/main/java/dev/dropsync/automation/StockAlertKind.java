package dev.dropsync.automation;

/**
 * The kind of a {@link StockAlert}.
 *
 * @since 0.1.0
 */
public enum StockAlertKind {
  /** Available units fell to or below the variant's low-stock threshold (threshold above 0). */
  LOW_STOCK,
  /** No units available. */
  OUT_OF_STOCK
}

package dev.dropsync.inventory;

/**
 * Why a stock-ledger entry was written.
 *
 * @since 0.1.0
 */
public enum LedgerReason {
  /** The supplier's absolute level was written as a delta of on-hand (also the initial import). */
  SUPPLIER_SYNC,
  /** A reservation took units: reserved rises. */
  RESERVATION,
  /** A reservation was given back: reserved drops. */
  RELEASE,
  /** A reservation was consumed at fulfilment: on-hand and reserved drop together. */
  COMMIT,
  /** An owner's correction of on-hand. */
  MANUAL_ADJUSTMENT
}

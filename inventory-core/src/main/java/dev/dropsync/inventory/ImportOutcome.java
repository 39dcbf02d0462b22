package dev.dropsync.inventory;

/**
 * What importing one supplier product did.
 *
 * @since 0.1.0
 */
public enum ImportOutcome {
  /** A new product was stored (active, or a draft if the plan limit was reached). */
  IMPORTED,
  /** The tenant already had this supplier product; nothing was stored. */
  ALREADY_IMPORTED,
  /** The product could not be imported; see the reason. */
  FAILED
}

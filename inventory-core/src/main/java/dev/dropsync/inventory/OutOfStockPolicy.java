package dev.dropsync.inventory;

/**
 * What happens to an active product when none of its variants has stock available.
 *
 * @since 0.1.0
 */
public enum OutOfStockPolicy {
  /** The system moves the product to {@link ProductStatus#INACTIVE_OUT_OF_STOCK} and reactivates it on restock (default). */
  DEACTIVATE,
  /** The product stays active and is listed with quantity zero. */
  SET_ZERO,
  /** The product stays active and keeps selling (the storefront decides how to show it). */
  KEEP
}

package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.Product;
import java.util.Objects;

/**
 * The result of {@link InventoryStore#changeStatus}.
 *
 * @param outcome what happened
 * @param product the product as stored after the call (changed or not)
 * @param activeCount the tenant's active products after the call
 * @since 0.1.0
 */
public record StatusChange(Outcome outcome, Product product, int activeCount) {

  /** What {@code changeStatus} did. */
  public enum Outcome {
    /** The status was changed. */
    CHANGED,
    /** The product's version was not the expected one; nothing changed. */
    VERSION_CONFLICT,
    /** Activating would exceed the limit; nothing changed. */
    LIMIT_REACHED
  }

  /** Checks for nulls. */
  public StatusChange {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(product, "product");
  }
}

package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.Product;
import java.util.Objects;

/**
 * The result of {@link InventoryStore#insertProductIfAbsent}.
 *
 * @param inserted true if the product was new; false if the tenant already had this supplier product
 * @param product the stored product: the new one, or the one already there
 * @since 0.1.0
 */
public record InsertResult(boolean inserted, Product product) {
  /** Checks for nulls. */
  public InsertResult {
    Objects.requireNonNull(product, "product");
  }
}

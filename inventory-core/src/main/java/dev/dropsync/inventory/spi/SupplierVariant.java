package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import java.util.Objects;

/**
 * One variant as the supplier offers it.
 *
 * @param supplierVariantId the supplier's variant id; not blank
 * @param sku the supplier's SKU; not blank
 * @param cost the unit cost
 * @param stock units the supplier has, at least 0
 * @since 0.1.0
 */
public record SupplierVariant(String supplierVariantId, String sku, Money cost, long stock) {
  /** Validates. @throws InvalidInputException on blank ids, negative cost or stock */
  public SupplierVariant {
    Objects.requireNonNull(supplierVariantId, "supplierVariantId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(cost, "cost");
    if (supplierVariantId.isBlank()) {
      throw new InvalidInputException("supplierVariantId", supplierVariantId, "must not be blank");
    }
    if (sku.isBlank()) {
      throw new InvalidInputException("sku", sku, "must not be blank");
    }
    if (cost.isNegative()) {
      throw new InvalidInputException("cost", cost, "must be >= 0");
    }
    if (stock < 0) {
      throw new InvalidInputException("stock", stock, "must be >= 0");
    }
  }
}

package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * A product as the supplier offers it.
 *
 * @param supplierProductId the supplier's product id; not blank
 * @param title the title
 * @param categoryPath the supplier's category path, outermost first (e.g. {@code [Home, Kitchen]})
 * @param variants the variants, at least one
 * @since 0.1.0
 */
public record SupplierProduct(
    String supplierProductId, String title, List<String> categoryPath, List<SupplierVariant> variants) {
  /** Validates and copies. @throws InvalidInputException on a blank id or no variants */
  public SupplierProduct {
    Objects.requireNonNull(supplierProductId, "supplierProductId");
    Objects.requireNonNull(title, "title");
    if (supplierProductId.isBlank()) {
      throw new InvalidInputException("supplierProductId", supplierProductId, "must not be blank");
    }
    categoryPath = List.copyOf(categoryPath);
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new InvalidInputException("variants", "[]", "must not be empty (product \"" + supplierProductId + "\")");
    }
  }
}

package dev.dropsync.inventory;

import java.util.Objects;

/**
 * What fulfilment needs to know about a variant to order it from its supplier.
 *
 * @param tenant the owning tenant
 * @param product the engine's product id
 * @param variant the engine's variant id
 * @param supplierId the supplier's key, e.g. {@code "cj"}
 * @param supplierProductId the supplier's product id
 * @param supplierVariantId the supplier's variant id (what a supplier order names)
 * @param sku the variant's SKU
 * @param cost the current supplier cost of one unit
 * @param retailPrice the current retail price of one unit
 * @since 0.1.0
 */
public record VariantRef(
    TenantId tenant,
    ProductId product,
    VariantId variant,
    String supplierId,
    String supplierProductId,
    String supplierVariantId,
    String sku,
    Money cost,
    Money retailPrice) {
  /** Checks for nulls. */
  public VariantRef {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(supplierProductId, "supplierProductId");
    Objects.requireNonNull(supplierVariantId, "supplierVariantId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(retailPrice, "retailPrice");
  }
}

package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.Money;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A supplier's offer, read-only. The CJ adapter implements it over the CJ API; tests use {@code
 * dev.dropsync.inventory.memory.InMemorySupplierCatalog}. Implementations are thread-safe; the
 * engine calls them from its sync executor with bounded concurrency. Failures are thrown as
 * unchecked exceptions and are recorded per product by the sync.
 *
 * @since 0.1.0
 */
public interface SupplierCatalog {

  /** The supplier's key, stored on every imported product, e.g. {@code "cj"}. Not blank. */
  String supplierId();

  /** The product with {@code supplierProductId}, if the supplier has it. */
  Optional<SupplierProduct> product(String supplierProductId);

  /**
   * The supplier product id in a product page URL, if the URL is one of the supplier's product
   * URL forms (for CJ see {@link dev.dropsync.inventory.CjProductUrls}).
   */
  Optional<String> productIdFromUrl(String url);

  /** One page of products matching {@code query}. */
  SupplierPage search(SupplierQuery query);

  /**
   * Current stock of each variant, in one call (batch-capable). Ids the supplier does not know are
   * missing from the result.
   *
   * @param supplierVariantIds the supplier's variant ids
   * @return units per variant id
   */
  Map<String, Long> stockLevels(Collection<String> supplierVariantIds);

  /**
   * Current unit cost of each variant, in one call. Ids the supplier does not know are missing
   * from the result.
   */
  Map<String, Money> costs(Collection<String> supplierVariantIds);
}

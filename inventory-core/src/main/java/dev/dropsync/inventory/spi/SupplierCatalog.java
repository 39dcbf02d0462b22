package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.Money;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A supplier's offer, read-only. The CJ adapter implements it over the CJ API; tests use {@code
 * dev.dropsync.inventory.memory.InMemorySupplierCatalog}. Implementations are thread-safe; the
 * engine calls them from its sync executor with bounded concurrency. Failures are thrown as
 * unchecked exceptions and are recorded per product by the sync.
 *
 * <p>A sync reads each product with one {@link #offers} call. Implement it natively when the
 * supplier's API returns stock and price of a product's variants in one response (CJ's {@code
 * /product/query?features=enable_inventory} does, for 10 API points); the default falls back to
 * {@link #stockLevels} and {@link #costs}.
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

  /**
   * Stock and unit cost of variants of one product, read together. This is what {@link
   * dev.dropsync.inventory.InventorySync} calls, once per product per sync.
   *
   * <p><b>Why a combined read:</b> a sync needs both values for every variant of a product, and
   * suppliers usually return them in one response. Reading them through {@link #stockLevels} and
   * {@link #costs} costs at least two supplier calls per product (for CJ one call per variant, since
   * CJ has no multi-variant stock endpoint), which at a supplier's request-rate and daily-quota limits
   * halves (or worse) how many products a sync can cover. One read also gives a consistent snapshot:
   * stock and cost of the same moment. Passing the product id lets an implementation use the
   * supplier's per-product endpoint without first resolving which product the variants belong to.
   *
   * <p>The default implementation calls {@link #stockLevels} and then {@link #costs}: an id present
   * in both gets {@link SupplierOffer#of}; an id with stock 0 and no cost (a variant not on sale)
   * gets {@link SupplierOffer#unavailable()}; other ids are left out. Implementations whose supplier
   * can do it in one call should override it.
   *
   * @param supplierProductId the supplier's id of the product the variants belong to
   * @param supplierVariantIds the supplier's variant ids of that product
   * @return an offer per requested variant id the supplier knows; ids it does not know are missing
   *     (implementations that read by product also leave out ids of other products). A known variant
   *     that is not on sale now may be answered with {@link SupplierOffer#unavailable()}.
   * @since 0.1.0
   */
  default Map<String, SupplierOffer> offers(String supplierProductId, Collection<String> supplierVariantIds) {
    Map<String, Long> stock = stockLevels(supplierVariantIds);
    Map<String, Money> costs = costs(supplierVariantIds);
    Map<String, SupplierOffer> out = new HashMap<>();
    for (String id : supplierVariantIds) {
      Long level = stock.get(id);
      Money cost = costs.get(id);
      if (level != null && cost != null) {
        out.put(id, SupplierOffer.of(level, cost));
      } else if (level != null && level == 0) {
        out.put(id, SupplierOffer.unavailable());
      }
    }
    return out;
  }
}

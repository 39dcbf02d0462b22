package dev.dropsync.cj.supplier;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjException;
import dev.dropsync.cj.CjFutures;
import dev.dropsync.cj.RequestOptions;
import dev.dropsync.cj.model.Page;
import dev.dropsync.cj.model.Product;
import dev.dropsync.cj.model.ProductDetail;
import dev.dropsync.cj.model.ProductListRequest;
import dev.dropsync.cj.model.Variant;
import dev.dropsync.cj.model.VariantInventory;
import dev.dropsync.cj.supplier.internal.CjErrors;
import dev.dropsync.cj.supplier.internal.VariantIndex;
import dev.dropsync.inventory.CjProductUrls;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.spi.SupplierCatalog;
import dev.dropsync.inventory.spi.SupplierOffer;
import dev.dropsync.inventory.spi.SupplierPage;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierQuery;
import dev.dropsync.inventory.spi.SupplierVariant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * CJ's catalogue as inventory-core's {@link SupplierCatalog} (supplier id {@code "cj"}), read through
 * one configured {@link CjClient} — the platform's CJ account, since the SPI carries no tenant. Obtain
 * it from {@link CjSupplier#catalog()}. Immutable configuration, thread-safe; every method blocks the
 * calling thread while the client paces and retries (the client's limiter is the only pacing: no
 * batching or sleeping here), so an {@link dev.dropsync.inventory.InventoryEngine} sync with enough
 * {@code syncConcurrency} keeps the account's QPS busy.
 *
 * <p><b>Calls and points</b> (CJ's daily budget is 50,000 points; prices from cj-api.md §3):
 *
 * <table>
 *   <caption>CJ calls per method</caption>
 *   <tr><th>method</th><th>CJ calls</th><th>points</th></tr>
 *   <tr><td>{@link #offers} (what a sync calls, once per product)</td><td>1 <code>/product/query?pid=…&amp;features=enable_inventory</code></td><td>10</td></tr>
 *   <tr><td>{@link #product}</td><td>1 {@code /product/query}</td><td>10</td></tr>
 *   <tr><td>{@link #search}</td><td>1 {@code /product/list} + 1 {@code /product/query} per item (the SPI returns variants with stock and cost)</td><td>50 + 10 per item</td></tr>
 *   <tr><td>{@link #stockLevels}, {@link #costs}</td><td>1 {@code /product/query} per distinct product already seen by this catalog; for a product not seen yet 1 {@code /product/variant/queryByVid} first (CJ has no multi-variant stock call)</td><td>10–20 per product</td></tr>
 * </table>
 *
 * <p><b>Stock</b> of a variant is CJ's inventory in the {@linkplain CjSupplier.Builder#shipFrom ship-from
 * country} (default {@code CN}): {@code totalInventory} (CJ warehouse plus factory) or only {@code
 * cjInventory} when {@linkplain CjSupplier.Builder#includeFactoryInventory factory stock is excluded}.
 * <b>Cost</b> is the variant's {@code variantSellPrice} in USD. A product CJ has taken off the shelf
 * (codes 1602001–1602003) is offered as {@link SupplierOffer#unavailable()} (stock 0, cost kept),
 * so the engine deactivates it and reactivates it when it returns; a product CJ does not know
 * (1602000) is absent. Variants without a price are left out of {@link #product} and offered as
 * unavailable.
 *
 * @since 0.1.0
 */
public final class CjSupplierCatalog implements SupplierCatalog {
  private static final String QUERY = "GET /product/query";

  private final CjClient client;
  private final String shipFrom;
  private final boolean includeFactoryInventory;
  private final VariantIndex index = new VariantIndex(200_000);

  CjSupplierCatalog(CjClient client, String shipFrom, boolean includeFactoryInventory) {
    this.client = client;
    this.shipFrom = shipFrom;
    this.includeFactoryInventory = includeFactoryInventory;
  }

  /** {@return {@code "cj"}} */
  @Override
  public String supplierId() {
    return CjSupplier.SUPPLIER_ID;
  }

  /**
   * The CJ product with variants, stock and cost: one {@code /product/query} (10 points).
   *
   * @param supplierProductId CJ's pid
   * @return the product; empty when CJ does not know it or has taken it off the shelf
   * @throws InvalidInputException if the id is blank
   * @throws CjSupplierDataException if CJ lists no variant with a price for it
   * @throws dev.dropsync.cj.CjException if CJ failed (after the client's retries)
   * @since 0.1.0
   */
  @Override
  public Optional<SupplierProduct> product(String supplierProductId) {
    requireText("supplierProductId", supplierProductId);
    ProductDetail d;
    try {
      d = client.products().getByPid(supplierProductId);
    } catch (CjException e) {
      if (CjErrors.isProductCode(e)) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(toProduct(d));
  }

  /** The CJ pid in a CJ product page URL ({@link CjProductUrls}); no CJ call. */
  @Override
  public Optional<String> productIdFromUrl(String url) {
    return CjProductUrls.productId(url);
  }

  /**
   * One page of CJ's catalogue ({@code /product/list}, filtered by English name when the keyword
   * is not blank), each item read with its variants ({@code /product/query}, sent concurrently and
   * paced by the client). Costs 50 + 10 per item. Products CJ lists but cannot answer with priced
   * variants (taken off the shelf meanwhile, no prices) are left out of {@code items}.
   *
   * @throws dev.dropsync.cj.CjException if CJ failed, e.g. beyond CJ's page-offset cap
   * @since 0.1.0
   */
  @Override
  public SupplierPage search(SupplierQuery query) {
    Objects.requireNonNull(query, "query");
    String keyword = query.keyword().trim();
    Page<Product> page = client.products().list(new ProductListRequest(query.page(), query.pageSize(), null, null,
        null, keyword.isEmpty() ? null : keyword, null));
    List<CompletableFuture<ProductDetail>> details = new ArrayList<>();
    for (Product p : page.items()) {
      details.add(client.products().getByPidAsync(p.pid(), RequestOptions.none()));
    }
    List<SupplierProduct> items = new ArrayList<>();
    RuntimeException failure = null;
    for (CompletableFuture<ProductDetail> f : details) {
      try {
        items.add(toProduct(CjFutures.await(f, QUERY)));
      } catch (CjException e) {
        if (!CjErrors.isProductCode(e) && failure == null) {
          failure = e;
        }
      } catch (CjSupplierDataException e) {
        // listed but not sellable: left out
      }
    }
    if (failure != null) {
      throw failure;
    }
    Long total = page.total();
    long t = total != null ? total
        : page.hasNext() ? (long) query.page() * query.pageSize() + 1
        : (long) (query.page() - 1) * query.pageSize() + page.items().size();
    return new SupplierPage(items, query.page(), query.pageSize(), t);
  }

  /**
   * Stock of each variant. CJ has no multi-variant stock call, so variants are grouped by product:
   * one {@code /product/query} per distinct product this catalog has seen before (from any read),
   * plus one {@code /product/variant/queryByVid} for a product not seen yet (10 points each call).
   * Prefer {@link #offers}, which needs no lookup. Variants of a product taken off the shelf report 0.
   * @since 0.1.0
   */
  @Override
  public Map<String, Long> stockLevels(Collection<String> supplierVariantIds) {
    Map<String, Long> out = new HashMap<>();
    for (Map.Entry<String, SupplierOffer> e : read(supplierVariantIds).entrySet()) {
      out.put(e.getKey(), e.getValue().stock());
    }
    return out;
  }

  /**
   * Unit cost (USD) of each variant; the same calls as {@link #stockLevels}. Variants of a product
   * taken off the shelf, or without a price, are absent.
   * @since 0.1.0
   */
  @Override
  public Map<String, Money> costs(Collection<String> supplierVariantIds) {
    Map<String, Money> out = new HashMap<>();
    for (Map.Entry<String, SupplierOffer> e : read(supplierVariantIds).entrySet()) {
      Money cost = e.getValue().cost();
      if (cost != null) {
        out.put(e.getKey(), cost);
      }
    }
    return out;
  }

  /**
   * Stock and cost of the requested variants of one product from a single {@code
   * /product/query?pid=…&features=enable_inventory} (10 points), which returns every variant's price
   * and inventory. Ids that are not variants of the product are absent; no call is made for an empty
   * id list. A product taken off the shelf answers {@link SupplierOffer#unavailable()} for every
   * requested id; an unknown product answers an empty map.
   *
   * @throws InvalidInputException if the product id is blank
   * @throws dev.dropsync.cj.CjException if CJ failed (after the client's retries)
   * @since 0.1.0
   */
  @Override
  public Map<String, SupplierOffer> offers(String supplierProductId, Collection<String> supplierVariantIds) {
    requireText("supplierProductId", supplierProductId);
    Set<String> wanted = new LinkedHashSet<>(supplierVariantIds);
    Map<String, SupplierOffer> out = new HashMap<>();
    if (wanted.isEmpty()) {
      return out;
    }
    ProductDetail d;
    try {
      d = client.products().getByPid(supplierProductId);
    } catch (CjException e) {
      if (CjErrors.isOffSale(e)) {
        for (String vid : wanted) {
          String known = index.productOf(vid);
          if (known == null || known.equals(supplierProductId)) {
            out.put(vid, SupplierOffer.unavailable());
          }
        }
        return out;
      }
      if (CjErrors.isUnknownProduct(e)) {
        return out;
      }
      throw e;
    }
    for (Variant v : d.variants()) {
      index.put(v.vid(), d.pid());
      if (wanted.contains(v.vid())) {
        out.put(v.vid(), offer(v));
      }
    }
    return out;
  }

  private Map<String, SupplierOffer> read(Collection<String> supplierVariantIds) {
    Set<String> remaining = new LinkedHashSet<>();
    for (String id : supplierVariantIds) {
      if (id != null && !id.isBlank()) {
        remaining.add(id);
      }
    }
    Map<String, SupplierOffer> out = new HashMap<>();
    while (!remaining.isEmpty()) {
      String vid = remaining.iterator().next();
      String pid = index.productOf(vid);
      if (pid == null) {
        Variant v;
        try {
          v = client.products().variantByVid(vid);
        } catch (CjException e) {
          remaining.remove(vid);
          if (CjErrors.isOffSale(e)) {
            out.put(vid, SupplierOffer.unavailable());
          } else if (!CjErrors.isProductCode(e)) {
            throw e;
          }
          continue;
        }
        remaining.remove(vid);
        out.put(vid, offer(v));
        pid = v.pid();
        if (pid == null) {
          continue;
        }
        index.put(vid, pid);
        if (remaining.isEmpty() || !mayHoldMore(pid, remaining)) {
          continue;
        }
      }
      readProduct(pid, remaining, out);
      remaining.remove(vid);
    }
    return out;
  }

  /** True unless every remaining id is already known to belong to another product. */
  private boolean mayHoldMore(String pid, Set<String> remaining) {
    for (String id : remaining) {
      String known = index.productOf(id);
      if (known == null || known.equals(pid)) {
        return true;
      }
    }
    return false;
  }

  private void readProduct(String pid, Set<String> remaining, Map<String, SupplierOffer> out) {
    ProductDetail d;
    try {
      d = client.products().getByPid(pid);
    } catch (CjException e) {
      if (!CjErrors.isProductCode(e)) {
        throw e;
      }
      boolean offSale = CjErrors.isOffSale(e);
      for (String id : List.copyOf(remaining)) {
        if (pid.equals(index.productOf(id))) {
          remaining.remove(id);
          if (offSale) {
            out.put(id, SupplierOffer.unavailable());
          }
        }
      }
      return;
    }
    for (Variant v : d.variants()) {
      index.put(v.vid(), d.pid());
      if (remaining.remove(v.vid())) {
        out.put(v.vid(), offer(v));
      }
    }
    for (String id : List.copyOf(remaining)) {
      if (pid.equals(index.productOf(id))) {
        remaining.remove(id); // CJ no longer lists it under its product: unknown
      }
    }
  }

  private SupplierOffer offer(Variant v) {
    BigDecimal price = v.sellPrice();
    if (price == null || price.signum() < 0) {
      return SupplierOffer.unavailable();
    }
    return SupplierOffer.of(stockOf(v), Money.of(price, CjSupplier.USD));
  }

  private long stockOf(Variant v) {
    long units = 0;
    for (VariantInventory inv : v.inventories()) {
      if (shipFrom.equalsIgnoreCase(inv.countryCode())) {
        units += includeFactoryInventory ? inv.totalInventory() : inv.cjInventory();
      }
    }
    return Math.max(0, units);
  }

  private SupplierProduct toProduct(ProductDetail d) {
    List<SupplierVariant> variants = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Variant v : d.variants()) {
      index.put(v.vid(), d.pid());
      BigDecimal price = v.sellPrice();
      if (price == null || price.signum() < 0 || !seen.add(v.vid())) {
        continue;
      }
      String sku = v.sku();
      variants.add(new SupplierVariant(v.vid(), sku == null || sku.isBlank() ? v.vid() : sku,
          Money.of(price, CjSupplier.USD), stockOf(v)));
    }
    if (variants.isEmpty()) {
      throw new CjSupplierDataException("variants", d.variants().isEmpty() ? "[]" : d.variants().size() + " without a price",
          "must hold at least one variant with a price (product \"" + d.pid() + "\")");
    }
    String title = d.nameEn();
    if (title.isBlank() && !d.names().isEmpty()) {
      title = d.names().get(0);
    }
    String category = d.categoryName();
    List<String> path = category == null || category.isBlank() ? List.of() : List.of(category.trim());
    return new SupplierProduct(d.pid(), title, path, variants);
  }

  private static void requireText(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, value, "must not be blank");
    }
  }

  /** Index size, for tests. */
  int indexedVariants() {
    return index.size();
  }

  @Override
  public String toString() {
    return "CjSupplierCatalog{shipFrom=" + shipFrom + ", includeFactoryInventory=" + includeFactoryInventory + "}";
  }
}

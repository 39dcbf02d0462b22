package dev.dropsync.inventory.memory;

import dev.dropsync.inventory.CjProductUrls;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.InventoryException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.spi.SupplierCatalog;
import dev.dropsync.inventory.spi.SupplierOffer;
import dev.dropsync.inventory.spi.SupplierPage;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierQuery;
import dev.dropsync.inventory.spi.SupplierVariant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scriptable supplier held in memory: add products, then change stock and cost or make calls
 * fail to see how the engine reacts. Product URLs are parsed as CJ URLs ({@link CjProductUrls}).
 * {@link #offers} answers from one consistent read of the product, as a real supplier's per-product
 * endpoint would; {@link #takeOffline} makes a product unavailable the way CJ's off-shelf products
 * are. Thread-safe; changes are visible to the next call.
 *
 * <pre>{@code
 * InMemorySupplierCatalog cj = new InMemorySupplierCatalog("cj");
 * cj.put(new SupplierProduct("P1", "Mug", List.of("Home", "Kitchen"),
 *     List.of(new SupplierVariant("V1", "MUG-RED", Money.of("4.20", "USD"), 25))));
 * cj.setStock("V1", 0);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class InMemorySupplierCatalog implements SupplierCatalog {
  private final String supplierId;
  private final ConcurrentSkipListMap<String, SupplierProduct> products = new ConcurrentSkipListMap<>();
  private final ConcurrentHashMap<String, String> productOfVariant = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, RuntimeException> failures = new ConcurrentHashMap<>();
  private final Set<String> offline = ConcurrentHashMap.newKeySet();
  private final AtomicLong stockCalls = new AtomicLong();
  private final AtomicLong offerCalls = new AtomicLong();

  /** An empty catalog for supplier {@code supplierId}. @throws InvalidInputException if blank */
  public InMemorySupplierCatalog(String supplierId) {
    if (supplierId == null || supplierId.isBlank()) {
      throw new InvalidInputException("supplierId", supplierId, "must not be blank");
    }
    this.supplierId = supplierId;
  }

  /** Adds or replaces a product. */
  public InMemorySupplierCatalog put(SupplierProduct product) {
    Objects.requireNonNull(product, "product");
    products.put(product.supplierProductId(), product);
    for (SupplierVariant v : product.variants()) {
      productOfVariant.put(v.supplierVariantId(), product.supplierProductId());
    }
    return this;
  }

  /** Sets a variant's stock. @throws NotFoundException if unknown @throws InvalidInputException if negative */
  public void setStock(String supplierVariantId, long stock) {
    update(supplierVariantId, v -> new SupplierVariant(v.supplierVariantId(), v.sku(), v.cost(), stock));
  }

  /** Sets a variant's unit cost. @throws NotFoundException if unknown */
  public void setCost(String supplierVariantId, Money cost) {
    update(supplierVariantId, v -> new SupplierVariant(v.supplierVariantId(), v.sku(), cost, v.stock()));
  }

  /** Makes every stock, cost and offer read touching {@code supplierProductId}'s variants throw a copy of the failure's message. */
  public void failReadsOf(String supplierProductId, String message) {
    failures.put(supplierProductId, new InventoryException(message));
  }

  /** Undoes {@link #failReadsOf}. */
  public void healReadsOf(String supplierProductId) {
    failures.remove(supplierProductId);
  }

  /**
   * Takes a product off sale: {@link #product} and {@link #search} no longer show it, its variants
   * have stock 0 and no cost, and {@link #offers} answers {@link SupplierOffer#unavailable()}.
   *
   * @throws NotFoundException if the product is unknown
   */
  public void takeOffline(String supplierProductId) {
    if (!products.containsKey(supplierProductId)) {
      throw new NotFoundException("supplierProductId", supplierProductId);
    }
    offline.add(supplierProductId);
  }

  /** Puts a product taken off sale back on sale. @throws NotFoundException if the product is unknown */
  public void putOnline(String supplierProductId) {
    if (!products.containsKey(supplierProductId)) {
      throw new NotFoundException("supplierProductId", supplierProductId);
    }
    offline.remove(supplierProductId);
  }

  /** How many {@link #stockLevels} calls were made (to check batching and resume). */
  public long stockCalls() {
    return stockCalls.get();
  }

  /** How many {@link #offers} calls were made (one per product per sync). */
  public long offerCalls() {
    return offerCalls.get();
  }

  private synchronized void update(String supplierVariantId, java.util.function.UnaryOperator<SupplierVariant> f) {
    String pid = productOfVariant.get(supplierVariantId);
    SupplierProduct p = pid == null ? null : products.get(pid);
    if (p == null) {
      throw new NotFoundException("supplierVariantId", supplierVariantId);
    }
    List<SupplierVariant> vs = new ArrayList<>(p.variants().size());
    for (SupplierVariant v : p.variants()) {
      vs.add(v.supplierVariantId().equals(supplierVariantId) ? f.apply(v) : v);
    }
    products.put(pid, new SupplierProduct(p.supplierProductId(), p.title(), p.categoryPath(), vs));
  }

  @Override
  public String supplierId() {
    return supplierId;
  }

  @Override
  public Optional<SupplierProduct> product(String supplierProductId) {
    if (offline.contains(supplierProductId)) {
      return Optional.empty();
    }
    return Optional.ofNullable(products.get(supplierProductId));
  }

  @Override
  public Optional<String> productIdFromUrl(String url) {
    return CjProductUrls.productId(url);
  }

  @Override
  public SupplierPage search(SupplierQuery query) {
    String kw = query.keyword().trim().toLowerCase(Locale.ROOT);
    List<SupplierProduct> matching = new ArrayList<>();
    for (SupplierProduct p : products.values()) {
      if (offline.contains(p.supplierProductId())) {
        continue;
      }
      if (kw.isEmpty() || p.title().toLowerCase(Locale.ROOT).contains(kw)) {
        matching.add(p);
      }
    }
    int from = (int) Math.min(matching.size(), (long) (query.page() - 1) * query.pageSize());
    int to = Math.min(matching.size(), from + query.pageSize());
    return new SupplierPage(matching.subList(from, to), query.page(), query.pageSize(), matching.size());
  }

  @Override
  public Map<String, Long> stockLevels(Collection<String> supplierVariantIds) {
    stockCalls.incrementAndGet();
    Map<String, Long> out = new HashMap<>();
    for (SupplierVariant v : read(supplierVariantIds)) {
      out.put(v.supplierVariantId(), isOffline(v) ? 0L : v.stock());
    }
    return out;
  }

  @Override
  public Map<String, Money> costs(Collection<String> supplierVariantIds) {
    Map<String, Money> out = new HashMap<>();
    for (SupplierVariant v : read(supplierVariantIds)) {
      if (!isOffline(v)) {
        out.put(v.supplierVariantId(), v.cost());
      }
    }
    return out;
  }

  /**
   * One read of the product: an offer for each requested variant of {@code supplierProductId};
   * ids of other products or unknown ids are left out; a product taken offline answers {@link
   * SupplierOffer#unavailable()} for its variants.
   */
  @Override
  public Map<String, SupplierOffer> offers(String supplierProductId, Collection<String> supplierVariantIds) {
    offerCalls.incrementAndGet();
    Map<String, SupplierOffer> out = new HashMap<>();
    RuntimeException failure = failures.get(supplierProductId);
    if (failure != null) {
      throw new InventoryException(failure.getMessage() + " (supplier product \"" + supplierProductId + "\")");
    }
    SupplierProduct p = products.get(supplierProductId);
    if (p == null) {
      return out;
    }
    boolean off = offline.contains(supplierProductId);
    Set<String> wanted = Set.copyOf(supplierVariantIds);
    for (SupplierVariant v : p.variants()) {
      if (wanted.contains(v.supplierVariantId())) {
        out.put(v.supplierVariantId(), off ? SupplierOffer.unavailable() : SupplierOffer.of(v.stock(), v.cost()));
      }
    }
    return out;
  }

  private boolean isOffline(SupplierVariant v) {
    String pid = productOfVariant.get(v.supplierVariantId());
    return pid != null && offline.contains(pid);
  }

  private List<SupplierVariant> read(Collection<String> ids) {
    List<SupplierVariant> out = new ArrayList<>();
    for (String id : ids) {
      String pid = productOfVariant.get(id);
      if (pid == null) {
        continue;
      }
      RuntimeException failure = failures.get(pid);
      if (failure != null) {
        throw new InventoryException(failure.getMessage() + " (supplier product \"" + pid + "\")");
      }
      SupplierProduct p = products.get(pid);
      if (p == null) {
        continue;
      }
      for (SupplierVariant v : p.variants()) {
        if (v.supplierVariantId().equals(id)) {
          out.add(v);
        }
      }
    }
    return out;
  }
}

package dev.dropsync.inventory.memory;

import dev.dropsync.inventory.InsufficientStockException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.LedgerEntry;
import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.Reservation;
import dev.dropsync.inventory.ReservationConflictException;
import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.ReservationStatus;
import dev.dropsync.inventory.SyncItem;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.pricing.PricingRule;
import dev.dropsync.inventory.pricing.PricingScope;
import dev.dropsync.inventory.spi.InsertResult;
import dev.dropsync.inventory.spi.InventoryStore;
import dev.dropsync.inventory.spi.ReservationChange;
import dev.dropsync.inventory.spi.StatusChange;
import dev.dropsync.inventory.spi.StockChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;

/**
 * The reference {@link InventoryStore}: everything in memory, lost on restart.
 *
 * <p>Reads are lock-free over immutable snapshots; every mutation of a tenant runs under that
 * tenant's lock, so each SPI call is atomic exactly as the interface documents, and tenants never
 * contend with each other. Thread-safe.
 *
 * @since 0.1.0
 */
public final class InMemoryInventoryStore implements InventoryStore {
  private final ConcurrentHashMap<TenantId, TenantData> tenants = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryInventoryStore() {}

  private static final class TenantData {
    volatile Tenant tenant;
    final ConcurrentHashMap<ProductId, Product> products = new ConcurrentHashMap<>();
    final ConcurrentSkipListSet<String> productOrder = new ConcurrentSkipListSet<>();
    final ConcurrentHashMap<VariantId, ProductId> variantIndex = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, ProductId> bySupplier = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, ProductId> bySupplierVariant = new ConcurrentHashMap<>();
    final LedgerLog ledger;
    int activeCount;
    final HashMap<String, Reservation> reservations = new HashMap<>();
    final ConcurrentHashMap<PricingScope, PricingRule> rules = new ConcurrentHashMap<>();
    final LinkedHashMap<String, SyncRun> runs = new LinkedHashMap<>();
    final HashMap<String, Map<ProductId, SyncItem>> runItems = new HashMap<>();

    TenantData(Tenant tenant) {
      this.tenant = tenant;
      this.ledger = new LedgerLog(tenant.id());
    }
  }

  private TenantData data(TenantId tenant) {
    TenantData d = tenants.get(Objects.requireNonNull(tenant, "tenant"));
    if (d == null) {
      throw new NotFoundException("tenantId", tenant.value());
    }
    return d;
  }

  private static String supplierKey(String supplierId, String supplierProductId) {
    return supplierId + "\u0000" + supplierProductId;
  }

  @Override
  public void saveTenant(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    TenantData existing = tenants.putIfAbsent(tenant.id(), new TenantData(tenant));
    if (existing != null) {
      existing.tenant = tenant;
    }
  }

  @Override
  public Optional<Tenant> findTenant(TenantId tenant) {
    TenantData d = tenants.get(tenant);
    return d == null ? Optional.empty() : Optional.of(d.tenant);
  }

  @Override
  public InsertResult insertProductIfAbsent(Product product, Instant at) {
    TenantData d = data(product.tenant());
    synchronized (d) {
      String key = supplierKey(product.supplierId(), product.supplierProductId());
      ProductId existingId = d.bySupplier.get(key);
      if (existingId != null) {
        return new InsertResult(false, Objects.requireNonNull(d.products.get(existingId)));
      }
      if (d.products.containsKey(product.id())) {
        throw new InvalidInputException("productId", product.id(), "is already used by another product");
      }
      for (Variant v : product.variants()) {
        if (d.variantIndex.containsKey(v.id())) {
          throw new InvalidInputException("variantId", v.id(), "is already used by another product");
        }
        if (v.reserved() != 0) {
          throw new InvalidInputException("reserved", v.reserved(), "must be 0 on insert (variant \"" + v.id() + "\")");
        }
      }
      Product stored = product.withVersion(1, at);
      d.products.put(stored.id(), stored);
      d.productOrder.add(stored.id().value());
      d.bySupplier.put(key, stored.id());
      for (Variant v : stored.variants()) {
        d.variantIndex.put(v.id(), stored.id());
        d.bySupplierVariant.put(supplierKey(stored.supplierId(), v.supplierVariantId()), stored.id());
        if (v.onHand() != 0) {
          append(d, stored.tenant(), stored.id(), v.id(), v.onHand(), 0, LedgerReason.SUPPLIER_SYNC, "import", at);
        }
      }
      if (stored.status() == ProductStatus.ACTIVE) {
        d.activeCount++;
      }
      return new InsertResult(true, stored);
    }
  }

  @Override
  public Optional<Product> findProduct(TenantId tenant, ProductId product) {
    TenantData d = tenants.get(tenant);
    return d == null ? Optional.empty() : Optional.ofNullable(d.products.get(product));
  }

  @Override
  public Optional<Product> findProductBySupplierId(TenantId tenant, String supplierId, String supplierProductId) {
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return Optional.empty();
    }
    ProductId id = d.bySupplier.get(supplierKey(supplierId, supplierProductId));
    return id == null ? Optional.empty() : Optional.ofNullable(d.products.get(id));
  }

  @Override
  public Optional<Product> findProductBySupplierVariant(TenantId tenant, String supplierId, String supplierVariantId) {
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return Optional.empty();
    }
    ProductId id = d.bySupplierVariant.get(supplierKey(supplierId, supplierVariantId));
    return id == null ? Optional.empty() : Optional.ofNullable(d.products.get(id));
  }

  @Override
  public Optional<Product> findProductByVariant(TenantId tenant, VariantId variant) {
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return Optional.empty();
    }
    ProductId id = d.variantIndex.get(variant);
    return id == null ? Optional.empty() : Optional.ofNullable(d.products.get(id));
  }

  @Override
  public List<Product> listProducts(TenantId tenant, @Nullable ProductId after, int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be >= 1");
    }
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return List.of();
    }
    Set<String> ids = after == null ? d.productOrder : d.productOrder.tailSet(after.value(), false);
    List<Product> out = new ArrayList<>(Math.min(limit, 1024));
    for (String id : ids) {
      Product p = d.products.get(ProductId.of(id));
      if (p != null) {
        out.add(p);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }

  @Override
  public int countActive(TenantId tenant) {
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return 0;
    }
    synchronized (d) {
      return d.activeCount;
    }
  }

  @Override
  public Optional<Product> updateProduct(Product product, Instant at) {
    TenantData d = data(product.tenant());
    synchronized (d) {
      Product current = d.products.get(product.id());
      if (current == null) {
        throw new NotFoundException("productId", product.id().value());
      }
      if (current.version() != product.version()) {
        return Optional.empty();
      }
      if (current.status() != product.status()) {
        throw new InvalidInputException("status", product.status(), "must equal the stored " + current.status() + " (use changeStatus)");
      }
      if (current.variants().size() != product.variants().size()) {
        throw new InvalidInputException("variants", product.variants().size(), "must keep the stored variants");
      }
      for (int i = 0; i < current.variants().size(); i++) {
        Variant c = current.variants().get(i);
        Variant n = product.variants().get(i);
        if (!c.id().equals(n.id()) || c.onHand() != n.onHand() || c.reserved() != n.reserved()) {
          throw new InvalidInputException("variant", n.id(), "must keep the stored id and stock (use the stock calls)");
        }
      }
      Product stored = product.withVersion(current.version() + 1, at);
      d.products.put(stored.id(), stored);
      return Optional.of(stored);
    }
  }

  @Override
  public StatusChange changeStatus(TenantId tenant, ProductId product, long expectedVersion,
      ProductStatus to, OptionalInt activeLimit, Instant at) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(activeLimit, "activeLimit");
    TenantData d = data(tenant);
    synchronized (d) {
      Product current = d.products.get(product);
      if (current == null) {
        throw new NotFoundException("productId", product.value());
      }
      if (expectedVersion >= 0 && current.version() != expectedVersion) {
        return new StatusChange(StatusChange.Outcome.VERSION_CONFLICT, current, d.activeCount);
      }
      if (current.status() == to) {
        return new StatusChange(StatusChange.Outcome.CHANGED, current, d.activeCount);
      }
      if (to == ProductStatus.ACTIVE && activeLimit.isPresent() && d.activeCount >= activeLimit.getAsInt()) {
        return new StatusChange(StatusChange.Outcome.LIMIT_REACHED, current, d.activeCount);
      }
      if (current.status() == ProductStatus.ACTIVE) {
        d.activeCount--;
      }
      if (to == ProductStatus.ACTIVE) {
        d.activeCount++;
      }
      Product stored = current.withStatus(to).withVersion(current.version() + 1, at);
      d.products.put(product, stored);
      return new StatusChange(StatusChange.Outcome.CHANGED, stored, d.activeCount);
    }
  }

  @Override
  public StockChange setOnHand(TenantId tenant, VariantId variant, long onHand, LedgerReason reason, String ref, Instant at) {
    if (onHand < 0) {
      throw new InvalidInputException("onHand", onHand, "must be >= 0 (variant \"" + variant + "\")");
    }
    TenantData d = data(tenant);
    synchronized (d) {
      Product p = productOf(d, variant);
      Variant v = p.variant(variant).orElseThrow();
      if (v.onHand() == onHand) {
        return new StockChange(p.id(), variant, v.onHand(), v.reserved(), v.onHand(), v.reserved(), null);
      }
      return writeStock(d, p, v, onHand - v.onHand(), 0, reason, ref, at);
    }
  }

  @Override
  public StockChange adjustOnHand(TenantId tenant, VariantId variant, long delta, LedgerReason reason, String ref, Instant at) {
    if (delta == 0) {
      throw new InvalidInputException("delta", delta, "must not be 0");
    }
    TenantData d = data(tenant);
    synchronized (d) {
      Product p = productOf(d, variant);
      Variant v = p.variant(variant).orElseThrow();
      if (v.onHand() + delta < 0) {
        throw new InvalidInputException("delta", delta, "would make onHand negative (onHand " + v.onHand() + ", variant \"" + variant + "\")");
      }
      return writeStock(d, p, v, delta, 0, reason, ref, at);
    }
  }

  private static Product productOf(TenantData d, VariantId variant) {
    ProductId pid = d.variantIndex.get(Objects.requireNonNull(variant, "variant"));
    Product p = pid == null ? null : d.products.get(pid);
    if (p == null) {
      throw new NotFoundException("variantId", variant.value());
    }
    return p;
  }

  private StockChange writeStock(TenantData d, Product p, Variant v, long dOnHand, long dReserved,
      LedgerReason reason, String ref, Instant at) {
    long onHand = v.onHand() + dOnHand;
    long reserved = v.reserved() + dReserved;
    Product updated = p.withVariantStock(v.id(), onHand, reserved, p.version() + 1, at);
    d.products.put(p.id(), updated);
    LedgerEntry e = append(d, p.tenant(), p.id(), v.id(), dOnHand, dReserved, reason, ref, at);
    return new StockChange(p.id(), v.id(), v.onHand(), v.reserved(), onHand, reserved, e);
  }

  private static LedgerEntry append(TenantData d, TenantId tenant, ProductId product, VariantId variant,
      long dOnHand, long dReserved, LedgerReason reason, String ref, Instant at) {
    return d.ledger.append(product, variant, dOnHand, dReserved, reason, ref, at);
  }

  @Override
  public ReservationChange reserve(TenantId tenant, String orderRef, List<ReservationLine> lines, Instant at) {
    requireRef(orderRef);
    List<ReservationLine> copy = List.copyOf(lines);
    if (copy.isEmpty()) {
      throw new InvalidInputException("lines", "[]", "must not be empty (orderRef \"" + orderRef + "\")");
    }
    Set<VariantId> seen = new HashSet<>();
    for (ReservationLine l : copy) {
      if (!seen.add(l.variant())) {
        throw new InvalidInputException("variantId", l.variant(), "appears twice (orderRef \"" + orderRef + "\")");
      }
    }
    TenantData d = data(tenant);
    synchronized (d) {
      Reservation existing = d.reservations.get(orderRef);
      if (existing != null) {
        if (!sameLines(existing.lines(), copy)) {
          throw new ReservationConflictException(orderRef, "already holds different lines " + existing.lines());
        }
        return new ReservationChange(existing, List.of());
      }
      for (ReservationLine l : copy) {
        Product p = productOf(d, l.variant());
        Variant v = p.variant(l.variant()).orElseThrow();
        if (l.quantity() > v.available()) {
          throw new InsufficientStockException(l.variant(), l.quantity(), v.available());
        }
      }
      List<StockChange> changes = new ArrayList<>(copy.size());
      for (ReservationLine l : copy) {
        Product p = productOf(d, l.variant());
        Variant v = p.variant(l.variant()).orElseThrow();
        changes.add(writeStock(d, p, v, 0, l.quantity(), LedgerReason.RESERVATION, orderRef, at));
      }
      Reservation r = new Reservation(tenant, orderRef, copy, ReservationStatus.ACTIVE, at, at);
      d.reservations.put(orderRef, r);
      return new ReservationChange(r, changes);
    }
  }

  private static boolean sameLines(List<ReservationLine> a, List<ReservationLine> b) {
    if (a.size() != b.size()) {
      return false;
    }
    Map<VariantId, Long> m = new HashMap<>();
    for (ReservationLine l : a) {
      m.put(l.variant(), l.quantity());
    }
    for (ReservationLine l : b) {
      Long q = m.get(l.variant());
      if (q == null || q != l.quantity()) {
        return false;
      }
    }
    return true;
  }

  private static void requireRef(String orderRef) {
    if (orderRef == null || orderRef.isBlank()) {
      throw new InvalidInputException("orderRef", orderRef, "must not be blank");
    }
  }

  @Override
  public ReservationChange release(TenantId tenant, String orderRef, Instant at) {
    requireRef(orderRef);
    TenantData d = data(tenant);
    synchronized (d) {
      Reservation r = d.reservations.get(orderRef);
      if (r == null || r.status() == ReservationStatus.RELEASED) {
        return new ReservationChange(r, List.of());
      }
      if (r.status() == ReservationStatus.COMMITTED) {
        throw new ReservationConflictException(orderRef, "was already committed and cannot be released");
      }
      List<StockChange> changes = new ArrayList<>();
      for (ReservationLine l : r.lines()) {
        Product p = productOf(d, l.variant());
        Variant v = p.variant(l.variant()).orElseThrow();
        changes.add(writeStock(d, p, v, 0, -l.quantity(), LedgerReason.RELEASE, orderRef, at));
      }
      Reservation released = new Reservation(tenant, orderRef, r.lines(), ReservationStatus.RELEASED, r.createdAt(), at);
      d.reservations.put(orderRef, released);
      return new ReservationChange(released, changes);
    }
  }

  @Override
  public ReservationChange commit(TenantId tenant, String orderRef, Instant at) {
    requireRef(orderRef);
    TenantData d = data(tenant);
    synchronized (d) {
      Reservation r = d.reservations.get(orderRef);
      if (r == null) {
        throw new NotFoundException("orderRef", orderRef);
      }
      if (r.status() == ReservationStatus.COMMITTED) {
        return new ReservationChange(r, List.of());
      }
      if (r.status() == ReservationStatus.RELEASED) {
        throw new ReservationConflictException(orderRef, "was released and cannot be committed");
      }
      List<StockChange> changes = new ArrayList<>();
      for (ReservationLine l : r.lines()) {
        Product p = productOf(d, l.variant());
        Variant v = p.variant(l.variant()).orElseThrow();
        // A sync may have lowered on-hand under the reservation (oversold): consume what is there.
        long fromOnHand = Math.min(l.quantity(), v.onHand());
        changes.add(writeStock(d, p, v, -fromOnHand, -l.quantity(), LedgerReason.COMMIT, orderRef, at));
      }
      Reservation committed = new Reservation(tenant, orderRef, r.lines(), ReservationStatus.COMMITTED, r.createdAt(), at);
      d.reservations.put(orderRef, committed);
      return new ReservationChange(committed, changes);
    }
  }

  @Override
  public Optional<Reservation> findReservation(TenantId tenant, String orderRef) {
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return Optional.empty();
    }
    synchronized (d) {
      return Optional.ofNullable(d.reservations.get(orderRef));
    }
  }

  @Override
  public List<Reservation> activeReservations(TenantId tenant, Instant createdBefore, int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be >= 1");
    }
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return List.of();
    }
    List<Reservation> out = new ArrayList<>();
    synchronized (d) {
      for (Reservation r : d.reservations.values()) {
        if (r.status() == ReservationStatus.ACTIVE && r.createdAt().isBefore(createdBefore)) {
          out.add(r);
        }
      }
    }
    out.sort(java.util.Comparator.comparing(Reservation::createdAt).thenComparing(Reservation::orderRef));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
  }

  @Override
  public List<LedgerEntry> ledger(TenantId tenant, VariantId variant) {
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return List.of();
    }
    synchronized (d) {
      return d.ledger.ofVariant(variant);
    }
  }

  @Override
  public List<LedgerEntry> ledger(TenantId tenant, long afterSequence, int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be >= 1");
    }
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return List.of();
    }
    synchronized (d) {
      return d.ledger.range(afterSequence, limit);
    }
  }

  @Override
  public void savePricingRule(TenantId tenant, PricingScope scope, PricingRule rule) {
    data(tenant).rules.put(Objects.requireNonNull(scope, "scope"), Objects.requireNonNull(rule, "rule"));
  }

  @Override
  public void removePricingRule(TenantId tenant, PricingScope scope) {
    data(tenant).rules.remove(scope);
  }

  @Override
  public Optional<PricingRule> findPricingRule(TenantId tenant, PricingScope scope) {
    TenantData d = tenants.get(tenant);
    return d == null ? Optional.empty() : Optional.ofNullable(d.rules.get(scope));
  }

  @Override
  public void saveSyncRun(SyncRun run) {
    TenantData d = data(run.tenant());
    synchronized (d) {
      d.runs.put(run.runId(), run);
    }
  }

  @Override
  public Optional<SyncRun> findSyncRun(TenantId tenant, String runId) {
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return Optional.empty();
    }
    synchronized (d) {
      return Optional.ofNullable(d.runs.get(runId));
    }
  }

  @Override
  public List<SyncRun> listSyncRuns(TenantId tenant) {
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return List.of();
    }
    synchronized (d) {
      return List.copyOf(d.runs.values());
    }
  }

  @Override
  public void recordSyncItems(TenantId tenant, String runId, Map<ProductId, SyncItem> outcomes) {
    TenantData d = data(tenant);
    synchronized (d) {
      d.runItems.computeIfAbsent(runId, k -> new HashMap<>()).putAll(outcomes);
    }
  }

  @Override
  public Map<ProductId, SyncItem> syncItems(TenantId tenant, String runId) {
    TenantData d = tenants.get(tenant);
    if (d == null) {
      return Map.of();
    }
    synchronized (d) {
      Map<ProductId, SyncItem> m = d.runItems.get(runId);
      return m == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(m));
    }
  }
}

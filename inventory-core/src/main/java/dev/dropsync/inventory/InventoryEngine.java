package dev.dropsync.inventory;

import dev.dropsync.inventory.internal.Events;
import dev.dropsync.inventory.pricing.PriceQuote;
import dev.dropsync.inventory.pricing.PricingRule;
import dev.dropsync.inventory.pricing.PricingScope;
import dev.dropsync.inventory.spi.InsertResult;
import dev.dropsync.inventory.spi.InventoryListener;
import dev.dropsync.inventory.spi.InventoryStore;
import dev.dropsync.inventory.spi.PlanPolicy;
import dev.dropsync.inventory.spi.ReservationChange;
import dev.dropsync.inventory.spi.StatusChange;
import dev.dropsync.inventory.spi.StockChange;
import dev.dropsync.inventory.spi.SupplierCatalog;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierVariant;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The inventory engine: imports supplier products, keeps stock, cost and price in step with the
 * supplier, applies stock rules and plan limits, and holds stock for orders.
 *
 * <p>It is the {@link StockReservations} and {@link VariantLookup} that fulfilment uses. State lives
 * in the {@link InventoryStore}; the engine itself holds only its configuration, so one instance is
 * shared by all threads and tenants (thread-safe). Every public method validates its arguments and
 * throws a typed {@link InventoryException} naming the field and value before changing anything.
 *
 * <pre>{@code
 * InMemorySupplierCatalog cj = new InMemorySupplierCatalog("cj");
 * InventoryEngine engine = InventoryEngine.builder()
 *     .clock(Clock.systemUTC())
 *     .store(new InMemoryInventoryStore())
 *     .supplier(cj)
 *     .build();
 * TenantId shop = TenantId.of("shop-1");
 * engine.registerTenant(Tenant.of(shop, Plan.FREE, Currency.getInstance("USD")));
 * Product p = engine.importByUrl(shop, "https://cjdropshipping.com/product/mug-p-1234.html").requireProduct();
 * Reservation r = engine.reserve(shop, "order-1", List.of(new ReservationLine(p.variants().get(0).id(), 2)));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class InventoryEngine implements StockReservations, VariantLookup {
  private static final int MAX_CAS_ATTEMPTS = 1000;

  private final Clock clock;
  private final InventoryStore store;
  private final SupplierCatalog supplier;
  private final Map<String, SupplierCatalog> suppliers;
  private final PlanPolicy planPolicy;
  private final Events events;
  private final CategoryMapping categoryMapping;
  private final PricingRule defaultPricingRule;
  private final long lowStockThreshold;
  private final long restockThreshold;
  private final Supplier<String> idGenerator;
  private final InventorySync sync;

  private InventoryEngine(Builder b) {
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.store = Objects.requireNonNull(b.store, "store");
    this.supplier = Objects.requireNonNull(b.supplier, "supplier");
    Map<String, SupplierCatalog> all = new LinkedHashMap<>();
    all.put(supplier.supplierId(), supplier);
    for (SupplierCatalog s : b.additionalSuppliers) {
      all.put(s.supplierId(), s);
    }
    this.suppliers = java.util.Collections.unmodifiableMap(all);
    this.planPolicy = b.planPolicy;
    this.events = new Events(b.listeners);
    this.categoryMapping = b.categoryMapping;
    this.defaultPricingRule = b.defaultPricingRule;
    this.lowStockThreshold = b.lowStockThreshold;
    this.restockThreshold = b.restockThreshold;
    this.idGenerator = b.idGenerator;
    this.sync = new InventorySync(this, b.syncExecutor, b.syncConcurrency);
  }

  /** A new builder. Required: {@code store} and {@code supplier}; the clock defaults to UTC system time. */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ accessors

  /** The store this engine works on (read access for analytics and hosts). */
  public InventoryStore store() {
    return store;
  }

  /**
   * The default supplier catalog: the one {@link Builder#supplier} set, which {@link
   * #importProduct(TenantId, String)} and bulk imports by id use.
   */
  public SupplierCatalog supplier() {
    return supplier;
  }

  /**
   * The catalog of the supplier with {@code supplierId}: the default one or one added with {@link
   * Builder#additionalSupplier}. Syncs read each product through the catalog of its own {@link
   * Product#supplierId()}.
   *
   * @param supplierId the supplier's key, e.g. {@code "cj"}
   * @return the catalog
   * @throws NotFoundException naming {@code supplierId} if no catalog of that supplier is registered
   * @since 0.1.0
   */
  public SupplierCatalog supplier(String supplierId) {
    SupplierCatalog s = suppliers.get(Objects.requireNonNull(supplierId, "supplierId"));
    if (s == null) {
      throw new NotFoundException("supplierId", supplierId);
    }
    return s;
  }

  /**
   * Every registered supplier catalog, the default one first, then the additional ones in the order
   * they were added.
   *
   * @return the catalogs (unmodifiable)
   * @since 0.1.0
   */
  public List<SupplierCatalog> suppliers() {
    return List.copyOf(suppliers.values());
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** The plan policy. */
  public PlanPolicy planPolicy() {
    return planPolicy;
  }

  /** This engine as the fulfilment-facing reservations view (the engine itself). */
  public StockReservations reservations() {
    return this;
  }

  /** Inventory sync runs over this engine. */
  public InventorySync sync() {
    return sync;
  }

  Events events() {
    return events;
  }

  // ------------------------------------------------------------------ tenants

  /**
   * Registers or updates a tenant (plan, currency, defaults). A downgrade keeps active products
   * active; only new activations are checked against the new limit.
   *
   * @throws InvalidInputException if the plan policy does not know the tenant's plan
   */
  public Tenant registerTenant(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    planPolicy.activeProductLimit(tenant.plan());
    store.saveTenant(tenant);
    return tenant;
  }

  /** The tenant. @throws NotFoundException if not registered */
  public Tenant tenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenantId");
    Optional<Tenant> found = store.findTenant(tenant);
    if (found.isEmpty()) {
      throw new NotFoundException("tenantId", tenant.value());
    }
    return found.get();
  }

  /** Moves a tenant to another plan. @throws NotFoundException if unknown @throws InvalidInputException if the plan is unknown */
  public Tenant changePlan(TenantId tenant, Plan plan) {
    return registerTenant(tenant(tenant).withPlan(Objects.requireNonNull(plan, "plan")));
  }

  /** The tenant's active-product limit (empty: unlimited). @throws NotFoundException if unknown */
  public OptionalInt activeLimit(TenantId tenant) {
    return planPolicy.activeProductLimit(tenant(tenant).plan());
  }

  // ------------------------------------------------------------------ queries

  /** The product. @throws NotFoundException if the tenant or product is unknown */
  public Product product(TenantId tenant, ProductId product) {
    tenant(tenant);
    Objects.requireNonNull(product, "productId");
    return store.findProduct(tenant, product).orElseThrow(() -> new NotFoundException("productId", product.value()));
  }

  /** The product holding {@code variant}. @throws NotFoundException if unknown */
  public Product productOfVariant(TenantId tenant, VariantId variant) {
    tenant(tenant);
    Objects.requireNonNull(variant, "variantId");
    return store.findProductByVariant(tenant, variant).orElseThrow(() -> new NotFoundException("variantId", variant.value()));
  }

  /** Every product of the tenant, ordered by id. @throws NotFoundException if the tenant is unknown */
  public List<Product> products(TenantId tenant) {
    tenant(tenant);
    List<Product> all = new ArrayList<>();
    ProductId after = null;
    while (true) {
      List<Product> page = store.listProducts(tenant, after, 1000);
      all.addAll(page);
      if (page.size() < 1000) {
        return all;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  /** The variant's ledger entries, oldest first. @throws NotFoundException if unknown */
  public List<LedgerEntry> ledger(TenantId tenant, VariantId variant) {
    productOfVariant(tenant, variant);
    return store.ledger(tenant, variant);
  }

  @Override
  public Optional<VariantRef> findVariant(TenantId tenant, VariantId variant) {
    Objects.requireNonNull(tenant, "tenantId");
    Objects.requireNonNull(variant, "variantId");
    return store.findProductByVariant(tenant, variant).flatMap(p -> p.variant(variant).map(v ->
        new VariantRef(tenant, p.id(), v.id(), p.supplierId(), p.supplierProductId(), v.supplierVariantId(),
            v.sku(), v.cost(), v.retailPrice())));
  }

  // ------------------------------------------------------------------ import

  /**
   * Imports one supplier product: maps its category, prices its variants with the effective rule,
   * stores it and activates it if the plan allows (otherwise it stays a {@link
   * ProductStatus#DRAFT} and the result's reason says {@code PLAN_LIMIT}). Importing a product the
   * tenant already has returns {@link ImportOutcome#ALREADY_IMPORTED} and stores nothing, even
   * under concurrent imports.
   *
   * @throws NotFoundException if the tenant is unknown or the supplier has no such product
   * @throws InvalidInputException if the id is blank
   * @throws CurrencyMismatchException if the supplier's costs are not in the tenant's currency
   */
  public ImportResult importProduct(TenantId tenant, String supplierProductId) {
    return importProduct(tenant, supplier, supplierProductId, supplierProductId);
  }

  /**
   * Imports one product of the supplier with {@code supplierId} (the default supplier or one added
   * with {@link Builder#additionalSupplier}); otherwise exactly like {@link #importProduct(TenantId,
   * String)}. The product is stored with that supplier id, synced through that supplier's catalog,
   * and fulfilment groups its lines into that supplier's orders.
   *
   * @throws NotFoundException naming {@code supplierId} if no such supplier is registered, or if the
   *     tenant is unknown or the supplier has no such product
   * @throws InvalidInputException if an id is blank
   * @throws CurrencyMismatchException if the supplier's costs are not in the tenant's currency
   * @since 0.1.0
   */
  public ImportResult importProduct(TenantId tenant, String supplierId, String supplierProductId) {
    requireText("supplierId", supplierId);
    return importProduct(tenant, supplier(supplierId), supplierProductId, supplierProductId);
  }

  /**
   * Imports the product a supplier product URL points to (see {@link CjProductUrls} for CJ forms).
   * The URL goes to the first supplier that recognises it: the default supplier, then the
   * additional ones in the order they were added.
   *
   * @throws UnrecognizedProductUrlException naming the URL if no supplier recognises it
   * @throws NotFoundException if the tenant is unknown or the supplier has no such product
   */
  public ImportResult importByUrl(TenantId tenant, String url) {
    requireText("url", url);
    tenant(tenant);
    for (SupplierCatalog s : suppliers.values()) {
      Optional<String> id = s.productIdFromUrl(url);
      if (id.isPresent()) {
        return importProduct(tenant, s, id.get(), url);
      }
    }
    throw new UnrecognizedProductUrlException(url);
  }

  /**
   * Imports many items, each a supplier product id or a product URL (anything containing {@code
   * "://"} is treated as a URL). Never throws for one bad item: each gets its own result (imported,
   * already imported, or failed with the reason); a duplicate within the list is reported as
   * already imported.
   *
   * @throws NotFoundException if the tenant is unknown
   * @throws InvalidInputException if {@code items} is null
   */
  public BulkImportResult importAll(TenantId tenant, List<String> items) {
    tenant(tenant);
    if (items == null) {
      throw new InvalidInputException("items", null, "must not be null");
    }
    List<ImportResult> results = new ArrayList<>(items.size());
    for (String item : items) {
      try {
        if (item == null || item.isBlank()) {
          throw new InvalidInputException("item", item, "must not be blank");
        }
        results.add(item.contains("://") ? importByUrl(tenant, item.trim()) : importProduct(tenant, item.trim()));
      } catch (InventoryException e) {
        results.add(new ImportResult(item == null ? "null" : item, ImportOutcome.FAILED, null, e.getMessage()));
      } catch (RuntimeException e) {
        results.add(new ImportResult(item, ImportOutcome.FAILED, null, "supplier error: " + e));
      }
    }
    return new BulkImportResult(results);
  }

  private ImportResult importProduct(TenantId tenantId, SupplierCatalog catalog, String supplierProductId, String input) {
    requireText("supplierProductId", supplierProductId);
    Tenant tenant = tenant(tenantId);
    Optional<Product> existing = store.findProductBySupplierId(tenantId, catalog.supplierId(), supplierProductId);
    if (existing.isPresent()) {
      return new ImportResult(input, ImportOutcome.ALREADY_IMPORTED, existing.get(), null);
    }
    SupplierProduct sp = catalog.product(supplierProductId)
        .orElseThrow(() -> new NotFoundException("supplierProductId", supplierProductId));
    Money zero = Money.zero(tenant.currency());
    for (SupplierVariant sv : sp.variants()) {
      zero.requireSameCurrency(sv.cost());
    }
    CategoryMapping.Assignment cat = categoryMapping.map(sp.categoryPath());
    ProductId id = ProductId.of(nextId());
    PricingRule rule = ruleFor(tenantId, id, cat.category());
    List<Variant> variants = new ArrayList<>(sp.variants().size());
    Set<String> seen = new HashSet<>();
    for (SupplierVariant sv : sp.variants()) {
      if (!seen.add(sv.supplierVariantId())) {
        throw new InvalidInputException("supplierVariantId", sv.supplierVariantId(), "appears twice in supplier product \"" + supplierProductId + "\"");
      }
      PriceQuote q = rule.quote(sv.cost());
      variants.add(new Variant(VariantId.of(id.value() + ":" + sv.supplierVariantId()), sv.supplierVariantId(), sv.sku(),
          sv.cost(), sv.stock(), 0, q.retail(), q.compareAt(), false, false, null));
    }
    Instant now = clock.instant();
    Product draft = new Product(tenantId, id, catalog.supplierId(), supplierProductId, sp.title(), cat.category(),
        cat.tags(), variants, ProductStatus.DRAFT, null, null, 0, now, now);
    InsertResult inserted = store.insertProductIfAbsent(draft, now);
    if (!inserted.inserted()) {
      return new ImportResult(input, ImportOutcome.ALREADY_IMPORTED, inserted.product(), null);
    }
    OptionalInt limit = planPolicy.activeProductLimit(tenant.plan());
    StatusChange change = store.changeStatus(tenantId, id, -1, ProductStatus.ACTIVE, limit, clock.instant());
    if (change.outcome() == StatusChange.Outcome.LIMIT_REACHED) {
      int lim = limit.orElse(Integer.MAX_VALUE);
      events.fire(l -> l.onPlanLimitReached(tenantId, tenant.plan(), lim, change.activeCount()));
      return new ImportResult(input, ImportOutcome.IMPORTED, change.product(),
          "PLAN_LIMIT: plan " + tenant.plan() + " allows " + lim + " active products and " + change.activeCount()
              + " are active; imported as a draft");
    }
    reconcileStatus(tenantId, id, false);
    return new ImportResult(input, ImportOutcome.IMPORTED, product(tenantId, id), null);
  }

  private String nextId() {
    String id = idGenerator.get();
    if (id == null || id.isBlank()) {
      throw new InvalidInputException("generatedId", id, "must not be blank (check the idGenerator)");
    }
    return id;
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * Activates a draft or owner-paused product, atomically within the plan limit.
   *
   * @throws PlanLimitExceededException naming plan, limit and current count if the plan is full
   * @throws IllegalTransitionException if the product is out-of-stock-paused or archived
   * @throws NotFoundException if the tenant or product is unknown
   */
  public Product activate(TenantId tenantId, ProductId productId) {
    Tenant tenant = tenant(tenantId);
    for (int attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      Product p = product(tenantId, productId);
      if (p.status() == ProductStatus.ACTIVE) {
        return p;
      }
      if (!p.status().canMoveTo(ProductStatus.ACTIVE, ProductStatus.Actor.OWNER)) {
        throw new IllegalTransitionException(productId, p.status(), ProductStatus.ACTIVE);
      }
      OptionalInt limit = planPolicy.activeProductLimit(tenant.plan());
      StatusChange c = store.changeStatus(tenantId, productId, p.version(), ProductStatus.ACTIVE, limit, clock.instant());
      switch (c.outcome()) {
        case CHANGED:
          reconcileStatus(tenantId, productId, false);
          return product(tenantId, productId);
        case LIMIT_REACHED:
          int lim = limit.orElse(Integer.MAX_VALUE);
          events.fire(l -> l.onPlanLimitReached(tenantId, tenant.plan(), lim, c.activeCount()));
          throw new PlanLimitExceededException(tenantId, tenant.plan(), lim, c.activeCount());
        default:
          // version conflict: re-read and retry
      }
    }
    throw new InventoryException("product \"" + productId + "\" kept changing; activation gave up");
  }

  /**
   * The owner pauses a product ({@link ProductStatus#INACTIVE}); the system never reactivates it.
   *
   * @throws IllegalTransitionException if it is archived
   * @throws NotFoundException if unknown
   */
  public Product deactivate(TenantId tenant, ProductId product) {
    return ownerMove(tenant, product, ProductStatus.INACTIVE);
  }

  /**
   * Archives a product (terminal).
   *
   * @throws IllegalTransitionException if already archived
   * @throws NotFoundException if unknown
   */
  public Product archive(TenantId tenant, ProductId product) {
    return ownerMove(tenant, product, ProductStatus.ARCHIVED);
  }

  private Product ownerMove(TenantId tenantId, ProductId productId, ProductStatus to) {
    tenant(tenantId);
    for (int attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      Product p = product(tenantId, productId);
      if (p.status() == to && to == ProductStatus.INACTIVE) {
        return p;
      }
      if (!p.status().canMoveTo(to, ProductStatus.Actor.OWNER)) {
        throw new IllegalTransitionException(productId, p.status(), to);
      }
      StatusChange c = store.changeStatus(tenantId, productId, p.version(), to, OptionalInt.empty(), clock.instant());
      if (c.outcome() == StatusChange.Outcome.CHANGED) {
        if (p.status() == ProductStatus.ACTIVE) {
          events.fire(l -> l.onDeactivated(tenantId, productId, InventoryListener.Reason.OWNER));
        }
        return c.product();
      }
    }
    throw new InventoryException("product \"" + productId + "\" kept changing; status change gave up");
  }

  /**
   * Sets a product's own out-of-stock policy and low-stock threshold (null: inherit the tenant's),
   * then applies the stock rules.
   *
   * @throws InvalidInputException if the threshold is negative
   * @throws NotFoundException if unknown
   */
  public Product setStockRules(TenantId tenant, ProductId product, @Nullable OutOfStockPolicy policy, @Nullable Long lowStockThreshold) {
    if (lowStockThreshold != null && lowStockThreshold < 0) {
      throw new InvalidInputException("lowStockThreshold", lowStockThreshold, "must be >= 0");
    }
    Product updated = update(tenant, product, p -> p.withStockRules(policy, lowStockThreshold));
    reconcileStatus(tenant, product, false);
    return product(tenant, updated.id());
  }

  /**
   * Sets a variant's own low-stock threshold (null: inherit the product's).
   *
   * @throws InvalidInputException if negative
   * @throws NotFoundException if unknown
   */
  public Product setVariantLowStockThreshold(TenantId tenant, VariantId variant, @Nullable Long threshold) {
    if (threshold != null && threshold < 0) {
      throw new InvalidInputException("lowStockThreshold", threshold, "must be >= 0");
    }
    Product p = productOfVariant(tenant, variant);
    return update(tenant, p.id(), x -> x.withVariant(variant, v -> v.withLowStockThreshold(threshold)));
  }

  private Product update(TenantId tenant, ProductId productId, java.util.function.UnaryOperator<Product> change) {
    tenant(tenant);
    for (int attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      Product p = product(tenant, productId);
      Optional<Product> stored = store.updateProduct(change.apply(p), clock.instant());
      if (stored.isPresent()) {
        return stored.get();
      }
    }
    throw new InventoryException("product \"" + productId + "\" kept changing; update gave up");
  }

  // ------------------------------------------------------------------ stock

  /**
   * Writes the supplier's absolute stock level for a variant (a {@link LedgerReason#SUPPLIER_SYNC}
   * delta; nothing is written if it is unchanged) and applies the stock rules. Reservations are not
   * clamped: if they now exceed on-hand the variant is flagged oversold ({@link
   * InventoryListener#onOversold}).
   *
   * @param ref the ledger reference, e.g. a sync run id or webhook message id; not blank
   * @throws InvalidInputException if {@code onHand} is negative or {@code ref} blank
   * @throws NotFoundException if the tenant or variant is unknown
   */
  public StockChange applySupplierStock(TenantId tenant, VariantId variant, long onHand, String ref) {
    Tenant t = tenant(tenant);
    Objects.requireNonNull(variant, "variantId");
    if (onHand < 0) {
      throw new InvalidInputException("onHand", onHand, "must be >= 0 (variant \"" + variant + "\")");
    }
    requireText("ref", ref);
    StockChange c = store.setOnHand(tenant, variant, onHand, LedgerReason.SUPPLIER_SYNC, ref, clock.instant());
    if (c.changed()) {
      afterStockChange(t, c, true);
    }
    return c;
  }

  /**
   * Corrects a variant's on-hand by {@code delta} (a {@link LedgerReason#MANUAL_ADJUSTMENT}) and
   * applies the stock rules.
   *
   * @param note why, stored as the ledger reference; not blank
   * @throws InvalidInputException if {@code delta} is 0, would make on-hand negative, or note is blank
   * @throws NotFoundException if the tenant or variant is unknown
   */
  public StockChange adjustStock(TenantId tenant, VariantId variant, long delta, String note) {
    Tenant t = tenant(tenant);
    Objects.requireNonNull(variant, "variantId");
    requireText("note", note);
    StockChange c = store.adjustOnHand(tenant, variant, delta, LedgerReason.MANUAL_ADJUSTMENT, note, clock.instant());
    afterStockChange(t, c, true);
    return c;
  }

  void afterStockChanges(TenantId tenant, List<StockChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Tenant t = tenant(tenant);
    Map<ProductId, Boolean> products = new LinkedHashMap<>();
    for (StockChange c : changes) {
      if (c.changed()) {
        events(t, c);
        boolean back = c.availableBefore() == 0 && c.availableAfter() > 0;
        products.merge(c.product(), back, Boolean::logicalOr);
      }
    }
    for (Map.Entry<ProductId, Boolean> e : products.entrySet()) {
      reconcileStatus(tenant, e.getKey(), e.getValue());
    }
  }

  private void afterStockChange(Tenant t, StockChange c, boolean reconcile) {
    if (!c.changed()) {
      return;
    }
    events(t, c);
    if (reconcile) {
      reconcileStatus(t.id(), c.product(), c.availableBefore() == 0 && c.availableAfter() > 0);
    }
  }

  private void events(Tenant t, StockChange c) {
    if (events.isEmpty()) {
      return;
    }
    long before = c.availableBefore();
    long after = c.availableAfter();
    TenantId tenant = t.id();
    if (after < before) {
      Optional<Product> p = store.findProduct(tenant, c.product());
      long threshold = p.map(x -> threshold(t, x, c.variant())).orElse(lowStockThreshold);
      if (before > threshold && after <= threshold) {
        events.fire(l -> l.onLowStock(tenant, c.product(), c.variant(), after, threshold));
      }
      if (after == 0) {
        events.fire(l -> l.onOutOfStock(tenant, c.product(), c.variant()));
      }
    } else if (before == 0 && after > 0) {
      events.fire(l -> l.onBackInStock(tenant, c.product(), c.variant(), after));
    }
    if (c.reservedAfter() > c.onHandAfter() && c.reservedBefore() <= c.onHandBefore()) {
      events.fire(l -> l.onOversold(tenant, c.product(), c.variant(), c.onHandAfter(), c.reservedAfter()));
    }
  }

  /**
   * The low-stock threshold that applies to a variant: its own, else its product's, else the
   * tenant's, else the engine's (default 5).
   */
  public long lowStockThreshold(TenantId tenant, VariantId variant) {
    Product p = productOfVariant(tenant, variant);
    return threshold(tenant(tenant), p, variant);
  }

  private long threshold(Tenant t, Product p, VariantId variant) {
    Long v = p.variant(variant).map(Variant::lowStockThreshold).orElse(null);
    if (v != null) {
      return v;
    }
    if (p.lowStockThreshold() != null) {
      return p.lowStockThreshold();
    }
    Long tt = t.lowStockThreshold();
    return tt != null ? tt : lowStockThreshold;
  }

  /** The out-of-stock policy that applies to a product: its own, else the tenant's. */
  public OutOfStockPolicy outOfStockPolicy(TenantId tenant, ProductId product) {
    Product p = product(tenant, product);
    OutOfStockPolicy own = p.outOfStockPolicy();
    return own != null ? own : tenant(tenant).outOfStockPolicy();
  }

  /**
   * Applies the system's status rules to a product: deactivate an active product with nothing
   * available (policy DEACTIVATE), reactivate a system-deactivated one once its stock reaches the
   * restock threshold and the plan allows.
   */
  void reconcileStatus(TenantId tenantId, ProductId productId, boolean backInStock) {
    for (int attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      Optional<Product> found = store.findProduct(tenantId, productId);
      if (found.isEmpty()) {
        return;
      }
      Product p = found.get();
      if (p.status() != ProductStatus.ACTIVE && p.status() != ProductStatus.INACTIVE_OUT_OF_STOCK) {
        return;
      }
      if (p.status() == ProductStatus.ACTIVE && hasAvailable(p)) {
        return; // the common case: nothing to decide
      }
      Tenant tenant = tenant(tenantId);
      OutOfStockPolicy own = p.outOfStockPolicy();
      OutOfStockPolicy policy = own != null ? own : tenant.outOfStockPolicy();
      long available = p.available();
      if (p.status() == ProductStatus.ACTIVE && policy == OutOfStockPolicy.DEACTIVATE && available == 0) {
        StatusChange c = store.changeStatus(tenantId, productId, p.version(), ProductStatus.INACTIVE_OUT_OF_STOCK,
            OptionalInt.empty(), clock.instant());
        if (c.outcome() == StatusChange.Outcome.CHANGED) {
          events.fire(l -> l.onDeactivated(tenantId, productId, InventoryListener.Reason.OUT_OF_STOCK));
          return;
        }
      } else if (p.status() == ProductStatus.INACTIVE_OUT_OF_STOCK
          && (available >= restockThreshold || policy != OutOfStockPolicy.DEACTIVATE && available > 0)) {
        OptionalInt limit = planPolicy.activeProductLimit(tenant.plan());
        StatusChange c = store.changeStatus(tenantId, productId, p.version(), ProductStatus.ACTIVE, limit, clock.instant());
        if (c.outcome() == StatusChange.Outcome.CHANGED) {
          events.fire(l -> l.onReactivated(tenantId, productId));
          return;
        }
        if (c.outcome() == StatusChange.Outcome.LIMIT_REACHED) {
          if (backInStock) {
            int lim = limit.orElse(Integer.MAX_VALUE);
            events.fire(l -> l.onReactivationRefused(tenantId, productId, InventoryListener.Reason.PLAN_LIMIT));
            events.fire(l -> l.onPlanLimitReached(tenantId, tenant.plan(), lim, c.activeCount()));
          }
          return;
        }
      } else {
        return;
      }
    }
  }

  private static boolean hasAvailable(Product p) {
    for (Variant v : p.variants()) {
      if (v.available() > 0) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ pricing

  /**
   * Stores a pricing rule for a scope. It does not reprice existing listings by itself: it applies
   * at the next cost change or on {@link #reprice}.
   *
   * @throws NotFoundException if the tenant is unknown
   */
  public void setPricingRule(TenantId tenant, PricingScope scope, PricingRule rule) {
    tenant(tenant);
    store.savePricingRule(tenant, Objects.requireNonNull(scope, "scope"), Objects.requireNonNull(rule, "rule"));
  }

  /** Removes the rule for a scope, if any. @throws NotFoundException if the tenant is unknown */
  public void removePricingRule(TenantId tenant, PricingScope scope) {
    tenant(tenant);
    store.removePricingRule(tenant, Objects.requireNonNull(scope, "scope"));
  }

  /**
   * The rule that prices a product: the product's, else its category's, else the tenant's, else
   * the engine's default.
   *
   * @throws NotFoundException if unknown
   */
  public PricingRule pricingRule(TenantId tenant, ProductId product) {
    Product p = product(tenant, product);
    return ruleFor(tenant, p.id(), p.category());
  }

  private PricingRule ruleFor(TenantId tenant, ProductId product, String category) {
    Optional<PricingRule> r = store.findPricingRule(tenant, PricingScope.product(product));
    if (r.isEmpty() && !category.isBlank()) {
      r = store.findPricingRule(tenant, PricingScope.category(category));
    }
    if (r.isEmpty()) {
      r = store.findPricingRule(tenant, PricingScope.tenant());
    }
    return r.orElse(defaultPricingRule);
  }

  /**
   * Applies new supplier unit costs to a product's variants in one update: each non-manual retail
   * (and compare-at) price is recomputed by rerunning the effective rule on the new cost (the old
   * price is never scaled); a manual price is kept and flagged if its margin falls under the
   * rule's floor.
   *
   * @param costs new cost per variant of this product; unchanged costs are skipped
   * @return the product after the update (unchanged if no cost differed)
   * @throws CurrencyMismatchException if a cost is not in the variant's currency
   * @throws InvalidInputException if a cost is negative
   * @throws NotFoundException if the tenant, product or a variant is unknown
   */
  public Product applyCosts(TenantId tenant, ProductId product, Map<VariantId, Money> costs) {
    Product current = product(tenant, product);
    for (Map.Entry<VariantId, Money> e : costs.entrySet()) {
      Variant v = current.variant(e.getKey()).orElseThrow(() -> new NotFoundException("variantId", e.getKey().value()));
      v.cost().requireSameCurrency(e.getValue());
      if (e.getValue().isNegative()) {
        throw new InvalidInputException("cost", e.getValue(), "must be >= 0 (variant \"" + v.id() + "\")");
      }
    }
    for (int attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      Product p = product(tenant, product);
      PricingRule rule = ruleFor(tenant, p.id(), p.category());
      List<Variant> next = new ArrayList<>(p.variants().size());
      List<Runnable> notes = new ArrayList<>();
      boolean any = false;
      for (Variant v : p.variants()) {
        Money cost = costs.get(v.id());
        if (cost == null || cost.compareTo(v.cost()) == 0) {
          next.add(v);
          continue;
        }
        any = true;
        next.add(reprice(tenant, p, v, cost, rule, notes));
      }
      if (!any) {
        return p;
      }
      Optional<Product> stored = store.updateProduct(p.withVariants(next), clock.instant());
      if (stored.isPresent()) {
        notes.forEach(Runnable::run);
        return stored.get();
      }
    }
    throw new InventoryException("product \"" + product + "\" kept changing; cost update gave up");
  }

  /**
   * Reprices every non-manual variant of a product with its current rule (use after changing a
   * rule); manual prices are kept and their floor flag refreshed.
   *
   * @throws NotFoundException if unknown
   */
  public Product reprice(TenantId tenant, ProductId product) {
    for (int attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      Product p = product(tenant, product);
      PricingRule rule = ruleFor(tenant, p.id(), p.category());
      List<Variant> next = new ArrayList<>();
      List<Runnable> notes = new ArrayList<>();
      for (Variant v : p.variants()) {
        next.add(reprice(tenant, p, v, v.cost(), rule, notes));
      }
      if (next.equals(p.variants())) {
        return p;
      }
      Optional<Product> stored = store.updateProduct(p.withVariants(next), clock.instant());
      if (stored.isPresent()) {
        notes.forEach(Runnable::run);
        return stored.get();
      }
    }
    throw new InventoryException("product \"" + product + "\" kept changing; reprice gave up");
  }

  private Variant reprice(TenantId tenant, Product p, Variant v, Money cost, PricingRule rule, List<Runnable> notes) {
    PriceQuote q = rule.quote(cost);
    if (v.manualPrice()) {
      boolean below = !rule.meetsMargin(v.retailPrice(), cost);
      Money floor = q.floor();
      if (below && !v.belowMarginFloor() && floor != null) {
        notes.add(() -> events.fire(l -> l.onPriceBelowFloor(tenant, p.id(), v.id(), v.retailPrice(), floor)));
      }
      return v.withPricing(cost, v.retailPrice(), v.compareAtPrice(), true, below);
    }
    if (q.retail().compareTo(v.retailPrice()) != 0) {
      Money old = v.retailPrice();
      notes.add(() -> events.fire(l -> l.onPriceChanged(tenant, p.id(), v.id(), old, q.retail())));
    }
    return v.withPricing(cost, q.retail(), q.compareAt(), false, false);
  }

  /**
   * Sets an owner's manual retail price: kept through cost changes, flagged ({@link
   * Variant#belowMarginFloor()}, {@link InventoryListener#onPriceBelowFloor}) when its margin is
   * under the rule's floor.
   *
   * @throws InvalidInputException if the price is negative
   * @throws CurrencyMismatchException if not in the variant's currency
   * @throws NotFoundException if unknown
   */
  public Product setManualPrice(TenantId tenant, VariantId variant, Money price) {
    Objects.requireNonNull(price, "price");
    if (price.isNegative()) {
      throw new InvalidInputException("price", price, "must be >= 0");
    }
    Product p0 = productOfVariant(tenant, variant);
    p0.variant(variant).orElseThrow().cost().requireSameCurrency(price);
    for (int attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      Product p = product(tenant, p0.id());
      Variant v = p.variant(variant).orElseThrow();
      PricingRule rule = ruleFor(tenant, p.id(), p.category());
      boolean below = !rule.meetsMargin(price, v.cost());
      Product next = p.withVariant(variant, x -> x.withPricing(x.cost(), price, x.compareAtPrice(), true, below));
      Optional<Product> stored = store.updateProduct(next, clock.instant());
      if (stored.isPresent()) {
        if (price.compareTo(v.retailPrice()) != 0) {
          events.fire(l -> l.onPriceChanged(tenant, p.id(), variant, v.retailPrice(), price));
        }
        Money floor = rule.quote(v.cost()).floor();
        if (below && floor != null) {
          events.fire(l -> l.onPriceBelowFloor(tenant, p.id(), variant, price, floor));
        }
        return stored.get();
      }
    }
    throw new InventoryException("product \"" + p0.id() + "\" kept changing; price update gave up");
  }

  /** Drops a manual price: the variant is priced by its rule again. @throws NotFoundException if unknown */
  public Product clearManualPrice(TenantId tenant, VariantId variant) {
    Product p = productOfVariant(tenant, variant);
    update(tenant, p.id(), x -> x.withVariant(variant, v -> v.withPricing(v.cost(), v.retailPrice(), v.compareAtPrice(), false, false)));
    return reprice(tenant, p.id());
  }

  // ------------------------------------------------------------------ reservations

  @Override
  public Reservation reserve(TenantId tenant, String orderRef, List<ReservationLine> lines) {
    tenant(tenant);
    requireText("orderRef", orderRef);
    if (lines == null || lines.isEmpty()) {
      throw new InvalidInputException("lines", lines == null ? null : "[]", "must not be empty (orderRef \"" + orderRef + "\")");
    }
    Set<VariantId> seen = new LinkedHashSet<>();
    for (ReservationLine l : lines) {
      Objects.requireNonNull(l, "line");
      if (!seen.add(l.variant())) {
        throw new InvalidInputException("variantId", l.variant(), "appears twice (orderRef \"" + orderRef + "\")");
      }
    }
    ReservationChange c = store.reserve(tenant, orderRef, lines, clock.instant());
    afterStockChanges(tenant, c.changes());
    return Objects.requireNonNull(c.reservation());
  }

  @Override
  public void release(TenantId tenant, String orderRef) {
    tenant(tenant);
    requireText("orderRef", orderRef);
    ReservationChange c = store.release(tenant, orderRef, clock.instant());
    afterStockChanges(tenant, c.changes());
  }

  @Override
  public void commit(TenantId tenant, String orderRef) {
    tenant(tenant);
    requireText("orderRef", orderRef);
    ReservationChange c = store.commit(tenant, orderRef, clock.instant());
    afterStockChanges(tenant, c.changes());
  }

  /**
   * Releases every ACTIVE reservation of the tenant older than {@code maxAge} by the engine's
   * clock (e.g. unpaid orders). Reservations committed or released meanwhile are skipped.
   *
   * @param maxAge how long a reservation may hold stock; above zero
   * @return the order references released
   * @throws InvalidInputException if {@code maxAge} is not above zero
   * @throws NotFoundException if the tenant is unknown
   */
  public List<String> releaseExpired(TenantId tenant, java.time.Duration maxAge) {
    tenant(tenant);
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new InvalidInputException("maxAge", maxAge, "must be > 0");
    }
    Instant cutoff = clock.instant().minus(maxAge);
    List<String> released = new ArrayList<>();
    while (true) {
      List<Reservation> batch = store.activeReservations(tenant, cutoff, 500);
      int before = released.size();
      for (Reservation r : batch) {
        try {
          ReservationChange c = store.release(tenant, r.orderRef(), clock.instant());
          if (!c.changes().isEmpty()) {
            released.add(r.orderRef());
            afterStockChanges(tenant, c.changes());
          }
        } catch (ReservationConflictException committedMeanwhile) {
          // committed between listing and releasing: nothing to give back
        }
      }
      if (batch.size() < 500 || released.size() == before) {
        return released;
      }
    }
  }

  @Override
  public Optional<Reservation> findReservation(TenantId tenant, String orderRef) {
    tenant(tenant);
    requireText("orderRef", orderRef);
    return store.findReservation(tenant, orderRef);
  }

  @Override
  public long available(TenantId tenant, VariantId variant) {
    Product p = productOfVariant(tenant, variant);
    return p.variant(variant).orElseThrow().available();
  }

  static void requireText(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, value, "must not be blank");
    }
  }

  /**
   * Builds an {@link InventoryEngine}. Not thread-safe; the engine it builds is immutable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private @Nullable InventoryStore store;
    private @Nullable SupplierCatalog supplier;
    private final List<SupplierCatalog> additionalSuppliers = new ArrayList<>();
    private PlanPolicy planPolicy = PlanPolicy.standard();
    private final List<InventoryListener> listeners = new ArrayList<>();
    private CategoryMapping categoryMapping = CategoryMapping.defaults();
    private PricingRule defaultPricingRule = PricingRule.builder().multiplier("2").build();
    private long lowStockThreshold = 5;
    private long restockThreshold = 1;
    private Supplier<String> idGenerator = () -> "p-" + UUID.randomUUID();
    private Executor syncExecutor = ForkJoinPool.commonPool();
    private int syncConcurrency = 4;

    private Builder() {}

    /** The clock for every timestamp (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The store (required), e.g. {@code new InMemoryInventoryStore()}. */
    public Builder store(InventoryStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The default supplier catalog (required), e.g. {@code new InMemorySupplierCatalog("cj")}: the
     * one imports by id use.
     */
    public Builder supplier(SupplierCatalog supplier) {
      this.supplier = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /**
     * Adds another supplier, side by side with the default one (none by default). Its products are
     * imported with {@link InventoryEngine#importProduct(TenantId, String, String)} or by a product
     * URL it recognises, stored with its {@link SupplierCatalog#supplierId()}, and synced through it;
     * a sync run of a tenant covers the products of every supplier. Each supplier id may be
     * registered once.
     *
     * @param supplier the catalog
     * @return this
     * @since 0.1.0
     */
    public Builder additionalSupplier(SupplierCatalog supplier) {
      additionalSuppliers.add(Objects.requireNonNull(supplier, "supplier"));
      return this;
    }

    /** The plan limits (default {@link PlanPolicy#standard()}: FREE 10, PRO 100, PREMIUM unlimited). */
    public Builder planPolicy(PlanPolicy policy) {
      this.planPolicy = Objects.requireNonNull(policy, "planPolicy");
      return this;
    }

    /** Adds an event listener (none by default). */
    public Builder listener(InventoryListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Supplier category path → category and tags (default {@link CategoryMapping#defaults()}). */
    public Builder categoryMapping(CategoryMapping mapping) {
      this.categoryMapping = Objects.requireNonNull(mapping, "categoryMapping");
      return this;
    }

    /** The rule used when a tenant has none for a product (default: cost × 2, rounded up to .99). */
    public Builder defaultPricingRule(PricingRule rule) {
      this.defaultPricingRule = Objects.requireNonNull(rule, "defaultPricingRule");
      return this;
    }

    /** The global low-stock threshold in units, at least 0 (default 5). @throws InvalidInputException if negative */
    public Builder lowStockThreshold(long units) {
      if (units < 0) {
        throw new InvalidInputException("lowStockThreshold", units, "must be >= 0");
      }
      this.lowStockThreshold = units;
      return this;
    }

    /** Units a system-deactivated product needs available to be reactivated, at least 1 (default 1). @throws InvalidInputException if below 1 */
    public Builder restockThreshold(long units) {
      if (units < 1) {
        throw new InvalidInputException("restockThreshold", units, "must be >= 1");
      }
      this.restockThreshold = units;
      return this;
    }

    /** Generates new product ids (default {@code "p-" + random UUID}); must return unique, non-blank ids. */
    public Builder idGenerator(Supplier<String> generator) {
      this.idGenerator = Objects.requireNonNull(generator, "idGenerator");
      return this;
    }

    /** Runs sync workers (default the common fork-join pool). A direct executor makes syncs synchronous. */
    public Builder syncExecutor(Executor executor) {
      this.syncExecutor = Objects.requireNonNull(executor, "syncExecutor");
      return this;
    }

    /** Products synced at once, 1 to 256 (default 4). @throws InvalidInputException if out of range */
    public Builder syncConcurrency(int workers) {
      if (workers < 1 || workers > 256) {
        throw new InvalidInputException("syncConcurrency", workers, "must be in 1..256");
      }
      this.syncConcurrency = workers;
      return this;
    }

    /**
     * The engine.
     *
     * @throws InvalidInputException if the store or supplier is missing, or two suppliers have the
     *     same supplier id
     */
    public InventoryEngine build() {
      if (store == null) {
        throw new InvalidInputException("store", null, "is required");
      }
      if (supplier == null) {
        throw new InvalidInputException("supplier", null, "is required");
      }
      Set<String> ids = new HashSet<>();
      ids.add(requireSupplierId(supplier));
      for (SupplierCatalog s : additionalSuppliers) {
        String id = requireSupplierId(s);
        if (!ids.add(id)) {
          throw new InvalidInputException("supplierId", id, "is registered twice (each supplier may be added once)");
        }
      }
      return new InventoryEngine(this);
    }

    private static String requireSupplierId(SupplierCatalog s) {
      String id = s.supplierId();
      if (id == null || id.isBlank()) {
        throw new InvalidInputException("supplierId", id, "must not be blank");
      }
      return id;
    }
  }
}

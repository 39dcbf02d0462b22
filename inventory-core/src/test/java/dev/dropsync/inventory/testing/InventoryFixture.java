package dev.dropsync.inventory.testing;

import dev.dropsync.inventory.ImportOutcome;
import dev.dropsync.inventory.ImportResult;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import dev.dropsync.inventory.memory.InMemorySupplierCatalog;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierVariant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-memory inventory engine for tests, with a scriptable supplier ({@code "cj"}), a mutable
 * clock, an event recorder, sequential product ids ({@code p1}, {@code p2}, …) and syncs run
 * inline on the calling thread.
 *
 * <pre>{@code
 * InventoryFixture fx = InventoryFixture.create();
 * TenantId shop = fx.tenant("shop-1", Plan.PREMIUM);          // USD
 * Product mug = fx.product(shop, "CJ-MUG", 10, "4.20");        // one variant, 10 on hand, cost 4.20
 * VariantId v = fx.variant(mug);                               // "p1:CJ-MUG-V1"
 * fx.engine().reserve(shop, "order-1", List.of(new ReservationLine(v, 2)));
 * }</pre>
 */
public final class InventoryFixture {
  /** The tenants' currency. */
  public static final Currency USD = Currency.getInstance("USD");

  private final MutableClock clock = MutableClock.atEpoch2026();
  private final InMemorySupplierCatalog supplier = new InMemorySupplierCatalog("cj");
  private final InMemoryInventoryStore store = new InMemoryInventoryStore();
  private final RecordingListener events = new RecordingListener();
  private final InventoryEngine engine;

  private InventoryFixture(Consumer<InventoryEngine.Builder> customizer) {
    AtomicLong ids = new AtomicLong();
    InventoryEngine.Builder b = InventoryEngine.builder()
        .clock(clock)
        .store(store)
        .supplier(supplier)
        .listener(events)
        .idGenerator(() -> "p" + ids.incrementAndGet())
        .syncExecutor(Runnable::run);
    customizer.accept(b);
    this.engine = b.build();
  }

  /** A fixture with the defaults above. */
  public static InventoryFixture create() {
    return new InventoryFixture(b -> {});
  }

  /** A fixture whose engine builder is adjusted by {@code customizer} before building. */
  public static InventoryFixture create(Consumer<InventoryEngine.Builder> customizer) {
    return new InventoryFixture(Objects.requireNonNull(customizer));
  }

  /** The engine (also the StockReservations and VariantLookup). */
  public InventoryEngine engine() {
    return engine;
  }

  /** The scriptable supplier the engine reads ({@code "cj"}). */
  public InMemorySupplierCatalog supplier() {
    return supplier;
  }

  /** The store behind the engine. */
  public InMemoryInventoryStore store() {
    return store;
  }

  /** The engine's clock; starts at 2026-01-01T00:00:00Z. */
  public MutableClock clock() {
    return clock;
  }

  /** Every event the engine raised, as short strings. */
  public RecordingListener events() {
    return events;
  }

  /** Registers a USD tenant on {@code plan}. */
  public TenantId tenant(String id, Plan plan) {
    TenantId t = TenantId.of(id);
    engine.registerTenant(Tenant.of(t, plan, USD));
    return t;
  }

  /**
   * Adds a one-variant product to the supplier (variant {@code <spid>-V1}, SKU {@code <spid>-SKU},
   * category path {@code [Home, Kitchen]}) and imports it for {@code tenant}.
   */
  public Product product(TenantId tenant, String supplierProductId, long stock, String cost) {
    return product(tenant, supplierProductId, List.of("Home", "Kitchen"),
        new SupplierVariant(supplierProductId + "-V1", supplierProductId + "-SKU", Money.of(cost, "USD"), stock));
  }

  /** Adds a product with these variants to the supplier and imports it for {@code tenant}. */
  public Product product(TenantId tenant, String supplierProductId, List<String> categoryPath, SupplierVariant... variants) {
    supplier.put(new SupplierProduct(supplierProductId, "Product " + supplierProductId, categoryPath, List.of(variants)));
    ImportResult r = engine.importProduct(tenant, supplierProductId);
    if (r.outcome() == ImportOutcome.FAILED || r.product() == null) {
      throw new IllegalStateException("fixture import failed: " + r);
    }
    return engine.product(tenant, r.product().id());
  }

  /** Adds {@code n} products with {@code stock} units each and cost 5.00; returns them. */
  public List<Product> products(TenantId tenant, String prefix, int n, long stock) {
    List<Product> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(product(tenant, prefix + i, stock, "5.00"));
    }
    return out;
  }

  /** The first variant's id. */
  public VariantId variant(Product p) {
    return p.variants().get(0).id();
  }
}

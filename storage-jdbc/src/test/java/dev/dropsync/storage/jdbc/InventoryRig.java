package dev.dropsync.storage.jdbc;

import dev.dropsync.inventory.ImportResult;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.memory.InMemorySupplierCatalog;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierVariant;
import dev.dropsync.inventory.testing.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Real {@link InventoryEngine}s on {@link JdbcInventoryStore}s over one PostgreSQL: a shared
 * scriptable supplier ({@code "cj"}), a shared mutable clock, product ids {@code p1, p2, …} unique
 * across the engines, and a sync executor of 4 threads. Each {@link #engine()} stands for another
 * process: its own store instance and engine state, the same database.
 */
final class InventoryRig implements AutoCloseable {
  static final Currency USD = Currency.getInstance("USD");

  final DataSource app;
  final MutableClock clock = MutableClock.atEpoch2026();
  final InMemorySupplierCatalog supplier = new InMemorySupplierCatalog("cj");
  final ExecutorService syncPool = Executors.newFixedThreadPool(4);
  private final AtomicLong ids = new AtomicLong();

  /** A rig on a freshly emptied database. */
  InventoryRig() {
    this(TestDatabase.get().fresh());
  }

  InventoryRig(DataSource app) {
    this.app = app;
  }

  /** A new engine (think: another process) on a new store over {@code dataSource}. */
  InventoryEngine engine(DataSource dataSource) {
    return engine(dataSource, syncPool, 4);
  }

  /** A new engine whose syncs run on {@code syncExecutor} with {@code syncConcurrency} workers. */
  InventoryEngine engine(DataSource dataSource, Executor syncExecutor, int syncConcurrency) {
    return InventoryEngine.builder()
        .clock(clock)
        .store(new JdbcInventoryStore(dataSource))
        .supplier(supplier)
        .idGenerator(() -> "p" + ids.incrementAndGet())
        .syncExecutor(syncExecutor)
        .syncConcurrency(syncConcurrency)
        .build();
  }

  /** A new engine on the application pool. */
  InventoryEngine engine() {
    return engine(app);
  }

  static TenantId tenant(InventoryEngine engine, String id, Plan plan) {
    TenantId t = TenantId.of(id);
    engine.registerTenant(Tenant.of(t, plan, USD));
    return t;
  }

  /** Adds a product with variants {@code <spid>-A}, {@code <spid>-B}, … of these stocks to the supplier and imports it. */
  Product product(InventoryEngine engine, TenantId tenant, String supplierProductId, long... stock) {
    SupplierVariant[] vs = new SupplierVariant[stock.length];
    for (int i = 0; i < stock.length; i++) {
      vs[i] = new SupplierVariant(supplierProductId + "-" + (char) ('A' + i), "SKU-" + supplierProductId + "-" + i,
          Money.of("2.00", "USD"), stock[i]);
    }
    supplier.put(new SupplierProduct(supplierProductId, "Product " + supplierProductId, List.of("Home"), List.of(vs)));
    ImportResult r = engine.importProduct(tenant, supplierProductId);
    if (r.product() == null) {
      throw new IllegalStateException("import failed: " + r);
    }
    return engine.product(tenant, r.product().id());
  }

  /** One number from SQL as the superuser (bypasses row-level security: checks only). */
  static long adminLong(String sql, Object... args) {
    try (Connection c = TestDatabase.get().admin().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    syncPool.shutdownNow();
  }
}

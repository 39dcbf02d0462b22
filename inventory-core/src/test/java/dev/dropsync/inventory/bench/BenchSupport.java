package dev.dropsync.inventory.bench;

import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import dev.dropsync.inventory.memory.InMemorySupplierCatalog;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierVariant;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Builds engines with many products quickly (straight into the store, skipping import). */
final class BenchSupport {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  final InMemoryInventoryStore store = new InMemoryInventoryStore();
  final InMemorySupplierCatalog supplier = new InMemorySupplierCatalog("cj");
  final InventoryEngine engine;
  final TenantId tenant;
  final List<VariantId> variants = new ArrayList<>();

  BenchSupport(String tenantId, int products, long stock, boolean withSupplier) {
    engine = InventoryEngine.builder().clock(Clock.systemUTC()).store(store).supplier(supplier)
        .syncExecutor(Runnable::run).build();
    tenant = TenantId.of(tenantId);
    engine.registerTenant(Tenant.of(tenant, Plan.PREMIUM, Currency.getInstance("USD")));
    Money cost = Money.of("5.00", "USD");
    Money retail = Money.of("10.99", "USD");
    for (int i = 0; i < products; i++) {
      String id = String.format("p%07d", i);
      VariantId v = VariantId.of(id + ":V");
      Product p = new Product(tenant, ProductId.of(id), "cj", "S" + i, "Item " + i, "Home", List.of("home"),
          List.of(new Variant(v, "S" + i + "-V", "SKU" + i, cost, stock, 0, retail, null, false, false, null)),
          ProductStatus.ACTIVE, null, null, 0, T0, T0);
      store.insertProductIfAbsent(p, T0);
      variants.add(v);
      if (withSupplier) {
        supplier.put(new SupplierProduct("S" + i, "Item " + i, List.of("Home"),
            List.of(new SupplierVariant("S" + i + "-V", "SKU" + i, cost, stock))));
      }
    }
  }
}

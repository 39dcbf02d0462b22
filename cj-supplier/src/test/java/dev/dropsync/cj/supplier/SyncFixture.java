package dev.dropsync.cj.supplier;

import dev.dropsync.cj.CjClient;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/** The real inventory engine and in-memory store on the CJ catalogue, every simulator product imported. */
final class SyncFixture {
  static final TenantId SHOP = TenantId.of("shop-1");

  final InventoryEngine engine;
  final CjSupplierCatalog catalog;
  final Map<String, Product> byPid = new HashMap<>();

  SyncFixture(SimSupport s, CjClient client, Executor executor, int concurrency) {
    this.catalog = CjSupplier.builder().client(client).build().catalog();
    this.engine = InventoryEngine.builder().clock(s.clock).store(new InMemoryInventoryStore()).supplier(catalog)
        .syncExecutor(executor).syncConcurrency(concurrency).build();
    engine.registerTenant(Tenant.of(SHOP, Plan.PREMIUM, CjSupplier.USD));
    for (String pid : s.sim.catalog().productIds()) {
      byPid.put(pid, engine.importProduct(SHOP, pid).requireProduct());
    }
  }

  Product product(String pid) {
    return engine.product(SHOP, Objects.requireNonNull(byPid.get(pid), pid).id());
  }

  List<Product> products() {
    return new ArrayList<>(engine.products(SHOP));
  }
}

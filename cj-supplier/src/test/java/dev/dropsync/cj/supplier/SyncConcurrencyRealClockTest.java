package dev.dropsync.cj.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Several sync workers share one client on the real clock (as in production): the client's limiter
 * alone keeps them under the account's QPS, with the simulator enforcing it on real time. No sleeps
 * in the test; it takes about (imports + syncs) / QPS seconds.
 */
class SyncConcurrencyRealClockTest {
  private static final int QPS = 10;
  private static final int PRODUCTS = 24;

  @Test
  void concurrentWorkersOnOneClientNeverBreachTheAccountQps() {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (CjSimulator sim = CjSimulator.builder().qps(QPS).products(PRODUCTS).seed(3)
            .tokenRequestInterval(Duration.ZERO).build().start();
         CjClient cj = CjClient.builder().apiKey(sim.apiKey()).baseUrl(sim.baseUrl()).qps(QPS).build()) {
      CjSupplier supplier = CjSupplier.builder().client(cj).build();
      InventoryEngine engine = InventoryEngine.builder().store(new InMemoryInventoryStore())
          .supplier(supplier.catalog()).syncExecutor(pool).syncConcurrency(6).build();
      TenantId shop = TenantId.of("shop");
      engine.registerTenant(Tenant.of(shop, Plan.PREMIUM, CjSupplier.USD));
      for (String pid : sim.catalog().productIds()) {
        engine.importProduct(shop, pid).requireProduct();
      }
      for (String vid : sim.catalog().inStockVariantIds()) {
        sim.catalog().setStock(vid, 5);
      }
      sim.recorder().clear();

      SyncRun run = engine.sync().start(shop).await(Duration.ofMinutes(2));

      assertThat(run.failed()).isZero();
      assertThat(run.processed()).isEqualTo(PRODUCTS);
      assertThat(sim.recorder().count(Endpoint.PRODUCT_QUERY)).isEqualTo(PRODUCTS);
      assertThat(sim.recorder().throttleViolations()).isZero();
      assertThat(sim.recorder().maxCallsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(QPS);
    } finally {
      pool.shutdownNow();
    }
  }
}

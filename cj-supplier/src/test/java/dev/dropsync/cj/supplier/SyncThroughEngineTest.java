package dev.dropsync.cj.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.RecordedCall;
import dev.dropsync.cj.testkit.SimCatalog;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.Variant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sync through the real InventoryEngine + InMemoryInventoryStore + CJ catalogue against the
 * simulator, on the simulator's clock with QPS enforced: the client's limiter paces every call.
 */
class SyncThroughEngineTest {
  private static final int PRODUCTS = 20;
  private static final int QPS = 4;

  private final SimSupport s = SimSupport.start(QPS, b -> b.products(PRODUCTS));
  private final SimCatalog sim = s.sim.catalog();
  private final List<String> pids = sim.productIds();

  @AfterEach
  void stop() {
    s.close();
  }

  private SyncFixture fixture() {
    for (String pid : pids.subList(0, 3)) {
      for (String vid : sim.variantIds(pid)) {
        sim.setStock(vid, 50);
      }
    }
    return new SyncFixture(s, s.client(), Runnable::run, 1);
  }

  private SyncRun sync(SyncFixture fx) {
    return fx.engine.sync().start(SyncFixture.SHOP).await(Duration.ofSeconds(60));
  }

  @Test
  void changesAtCjShowUpWithExactlyOneProductQueryPerProductAndNoThrottle() {
    SyncFixture fx = fixture();
    String emptied = pids.get(0);
    String repriced = pids.get(1);
    String offShelf = pids.get(2);
    for (String vid : sim.variantIds(emptied)) {
      sim.setStock(vid, 0);
    }
    String repricedVid = sim.variantIds(repriced).get(0);
    sim.setPrice(repricedVid, new BigDecimal("23.45"));
    sim.setStock(repricedVid, 7);
    Money retailBefore = fx.product(repriced).variants().get(0).retailPrice();
    Money offShelfCost = fx.product(offShelf).variants().get(0).cost();
    sim.takeOffline(offShelf);
    s.sim.recorder().clear();
    Instant start = s.clock.instant();

    SyncRun run = sync(fx);

    assertThat(run.total()).isEqualTo(PRODUCTS);
    assertThat(run.failed()).isZero();
    assertThat(run.updated()).isGreaterThanOrEqualTo(3);
    // one /product/query per product, nothing else
    List<RecordedCall> calls = s.sim.recorder().calls();
    assertThat(calls).hasSize(PRODUCTS).allSatisfy(c -> assertThat(c.endpoint()).isEqualTo(Endpoint.PRODUCT_QUERY));
    Set<String> queried = new HashSet<>();
    for (RecordedCall c : calls) {
      queried.add(c.queryParam("pid"));
    }
    assertThat(queried).containsExactlyInAnyOrderElementsOf(pids);
    assertThat(s.sim.recorder().throttleViolations()).isZero();
    assertThat(s.sim.recorder().maxCallsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(QPS);
    // paced by the client's limiter alone: about calls / QPS (× the limiter's 1.1 margin) of simulator time
    Duration took = Duration.between(start, s.clock.instant());
    Duration interval = Duration.ofMillis(1100 / QPS);
    assertThat(took).isBetween(interval.multipliedBy(PRODUCTS - 1), interval.multipliedBy(PRODUCTS + 1));

    Product e = fx.product(emptied);
    assertThat(e.variants()).allSatisfy(v -> assertThat(v.onHand()).isZero());
    assertThat(e.status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
    Variant r = fx.product(repriced).variants().get(0);
    assertThat(r.cost()).isEqualTo(Money.of("23.45", "USD"));
    assertThat(r.onHand()).isEqualTo(7);
    assertThat(r.retailPrice()).isNotEqualTo(retailBefore);
    Product o = fx.product(offShelf);
    assertThat(o.status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
    assertThat(o.variants()).allSatisfy(v -> assertThat(v.onHand()).isZero());
    assertThat(o.variants().get(0).cost()).as("cost kept while off the shelf").isEqualTo(offShelfCost);

    // back on the shelf and restocked: the next run reactivates what the system deactivated
    sim.putOnline(offShelf);
    for (String vid : sim.variantIds(emptied)) {
      sim.setStock(vid, 5);
    }
    SyncRun next = sync(fx);
    assertThat(next.failed()).isZero();
    assertThat(fx.product(offShelf).status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(fx.product(emptied).status()).isEqualTo(ProductStatus.ACTIVE);
  }

  @Test
  void anUnchangedRerunWritesNothingAndStillCostsOneQueryPerProduct() {
    SyncFixture fx = fixture();
    sync(fx);
    List<Product> before = fx.products();
    s.sim.recorder().clear();
    SyncRun again = sync(fx);
    assertThat(again.unchanged()).isEqualTo(PRODUCTS);
    assertThat(again.updated()).isZero();
    assertThat(fx.products()).isEqualTo(before);
    assertThat(s.sim.recorder().count(Endpoint.PRODUCT_QUERY)).isEqualTo(PRODUCTS);
    assertThat(s.sim.recorder().calls()).hasSize(PRODUCTS);
  }

  @Test
  void syncNowReadsOneProductWithOneQuery() {
    SyncFixture fx = fixture();
    String pid = pids.get(5);
    String vid = sim.variantIds(pid).get(0);
    sim.setStock(vid, 321);
    s.sim.recorder().clear();
    fx.engine.sync().syncNow(SyncFixture.SHOP, fx.product(pid).id(), "webhook-msg-1");
    assertThat(s.sim.recorder().countsByEndpoint()).containsExactly(java.util.Map.entry(Endpoint.PRODUCT_QUERY, 1));
    assertThat(fx.product(pid).variants().get(0).onHand()).isEqualTo(321);
  }
}

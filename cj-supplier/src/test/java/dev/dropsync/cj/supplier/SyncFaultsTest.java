package dev.dropsync.cj.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.Fault;
import dev.dropsync.cj.testkit.SimCatalog;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.SyncHandle;
import dev.dropsync.inventory.SyncItemOutcome;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.Variant;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sync under CJ faults: every product still syncs (cj-client retries the read) or is recorded
 * FAILED with the reason, and the next run fixes it.
 */
class SyncFaultsTest {
  private static final int PRODUCTS = 12;

  private final SimSupport s = SimSupport.start(4, b -> b.products(PRODUCTS).seed(5));
  private final SimCatalog sim = s.sim.catalog();

  @AfterEach
  void stop() {
    s.close();
  }

  private SyncRun sync(SyncFixture fx) {
    return fx.engine.sync().start(SyncFixture.SHOP).await(Duration.ofMinutes(2));
  }

  /** Changes every product's first variant at CJ, so a run that misses a product leaves it stale. */
  private void changeEveryProduct(int stock) {
    for (String pid : sim.productIds()) {
      sim.setStock(sim.variantIds(pid).get(0), stock);
    }
  }

  private void assertStoreMatches(SyncFixture fx, int stock) {
    for (String pid : sim.productIds()) {
      assertThat(fx.product(pid).variants().get(0).onHand()).as("product %s", pid).isEqualTo(stock);
    }
  }

  static Stream<Arguments> retriedFaults() {
    return Stream.of(
        Arguments.of("busy 1600000", Fault.busy()),
        Arguments.of("read-timeout code 1600301", Fault.readTimeoutCode()),
        Arguments.of("HTTP 500", Fault.serverError(500)),
        Arguments.of("HTTP 502", Fault.serverError(502)),
        Arguments.of("HTTP 503", Fault.serverError(503)),
        Arguments.of("HTTP 429 throttle", Fault.tooManyRequests()),
        Arguments.of("dropped connection", Fault.disconnect()),
        Arguments.of("response lost after CJ answered", Fault.lostResponse()),
        Arguments.of("truncated JSON", Fault.truncatedJson()));
  }

  @ParameterizedTest(name = "{0} on two reads: retried, every product syncs")
  @MethodSource("retriedFaults")
  void transientFaultsAreRetriedByTheClientAndEveryProductSyncs(String name, Fault fault) {
    SyncFixture fx = new SyncFixture(s, s.client(), Runnable::run, 1);
    changeEveryProduct(77);
    s.sim.recorder().clear();
    s.sim.faults().next(Endpoint.PRODUCT_QUERY, 1, fault);
    s.sim.faults().rate(Endpoint.PRODUCT_QUERY, 0.1, fault);

    SyncRun run = sync(fx);

    assertThat(run.failed()).as(name).isZero();
    assertThat(run.updated()).as(name).isEqualTo(PRODUCTS);
    assertStoreMatches(fx, 77);
    assertThat(s.sim.recorder().count(Endpoint.PRODUCT_QUERY)).as(name).isGreaterThan(PRODUCTS);
    assertThat(s.sim.recorder().throttleViolations()).as("our own pacing never breaches the QPS").isZero();
  }

  @Test
  void readTimeoutsAreRetried() {
    CjClient fast = s.register(s.client().newBuilder().readTimeout(Duration.ofMillis(150)));
    SyncFixture fx = new SyncFixture(s, fast, Runnable::run, 1);
    changeEveryProduct(31);
    s.sim.recorder().clear();
    s.sim.faults().next(Endpoint.PRODUCT_QUERY, 2, Fault.delay(Duration.ofMillis(600)));

    SyncRun run = sync(fx);

    assertThat(run.failed()).isZero();
    assertStoreMatches(fx, 31);
    assertThat(s.sim.recorder().count(Endpoint.PRODUCT_QUERY)).isEqualTo(PRODUCTS + 2);
  }

  @Test
  void aProductWhoseRetriesRunOutIsRecordedFailedAndTheNextRunFixesIt() {
    SyncFixture fx = new SyncFixture(s, s.client(), Runnable::run, 1);
    changeEveryProduct(12);
    s.sim.faults().next(Endpoint.PRODUCT_QUERY, 4, Fault.serverError(503)); // 1 try + 3 retries, all failing

    SyncHandle h = fx.engine.sync().start(SyncFixture.SHOP, null, null);
    SyncRun run = h.await(Duration.ofSeconds(60));

    assertThat(run.failed()).isEqualTo(1);
    assertThat(run.updated()).isEqualTo(PRODUCTS - 1);
    assertThat(h.failures()).hasSize(1);
    Product failed = fx.engine.product(SyncFixture.SHOP, h.failures().keySet().iterator().next());
    assertThat(h.failures().get(failed.id())).contains("503");
    assertThat(fx.engine.store().syncItems(SyncFixture.SHOP, run.runId()).get(failed.id()))
        .satisfies(item -> assertThat(item.outcome()).isEqualTo(SyncItemOutcome.FAILED));
    assertThat(failed.variants().get(0).onHand()).as("stale until the next run").isNotEqualTo(12);

    SyncRun next = sync(fx);
    assertThat(next.failed()).isZero();
    assertStoreMatches(fx, 12);
  }

  @Test
  void faultsAtRandomLeaveEveryProductSyncedOrFailedAndTheNextRunFixesAll() {
    SyncFixture fx = new SyncFixture(s, s.register(s.client().newBuilder().maxRetries(1)), Runnable::run, 1);
    int failed = 0;
    int updated = 0;
    int round = 0;
    for (Fault f : List.of(Fault.busy(), Fault.serverError(502), Fault.disconnect(), Fault.readTimeoutCode(),
        Fault.malformedJson())) {
      int stock = 100 + round++;
      changeEveryProduct(stock);
      s.sim.faults().rate(Endpoint.PRODUCT_QUERY, f.kind() == Fault.Kind.MALFORMED_JSON ? 0.25 : 0.5, f);

      SyncHandle h = fx.engine.sync().start(SyncFixture.SHOP, null, null);
      SyncRun run = h.await(Duration.ofMinutes(2));

      assertThat(run.processed()).as("%s", f).isEqualTo(PRODUCTS);
      assertThat(run.updated() + run.failed()).as("%s", f).isEqualTo(PRODUCTS);
      for (Product p : fx.products()) {
        Variant v = p.variants().get(0);
        if (h.failures().containsKey(p.id())) {
          assertThat(v.onHand()).as("%s: failed product keeps its old stock", f).isNotEqualTo(stock);
        } else {
          assertThat(v.onHand()).as("%s: synced product", f).isEqualTo(stock);
        }
      }
      failed += run.failed();
      updated += run.updated();
    }
    assertThat(failed).as("the seeded fault draws leave some products failed").isPositive();
    assertThat(updated).as("and most synced").isGreaterThan(failed);

    s.sim.faults().clear();
    SyncRun next = sync(fx);
    assertThat(next.failed()).isZero();
    assertStoreMatches(fx, 100 + round - 1);
  }

  @Test
  void spentPointsFailTheRestOfTheRunWithoutRetriesAndTheRunAfterTheResetFixesIt() {
    SyncFixture fx = new SyncFixture(s, s.client(), Runnable::run, 1);
    changeEveryProduct(9);
    s.sim.setPointsRemaining(30); // three product reads
    s.sim.recorder().clear();

    SyncHandle h = fx.engine.sync().start(SyncFixture.SHOP, null, null);
    SyncRun run = h.await(Duration.ofSeconds(60));

    assertThat(run.updated()).isEqualTo(3);
    assertThat(run.failed()).isEqualTo(PRODUCTS - 3);
    assertThat(h.failures().values()).allSatisfy(m -> assertThat(m).contains("16900500"));
    assertThat(s.sim.recorder().count(Endpoint.PRODUCT_QUERY)).as("quota answers are not retried").isEqualTo(PRODUCTS);

    s.clock.advance(Duration.ofDays(1)); // 00:00 UTC reset
    SyncRun next = sync(fx);
    assertThat(next.failed()).isZero();
    assertStoreMatches(fx, 9);
  }
}

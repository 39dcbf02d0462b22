package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.fulfillment.EarningEntry;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.NotificationType;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.spi.InMemoryFreightQuotes;
import dev.dropsync.fulfillment.spi.InMemorySupplierOrders;
import dev.dropsync.fulfillment.spi.RecordingNotifier;
import dev.dropsync.fulfillment.testing.Fixture;
import dev.dropsync.inventory.testing.MutableClock;
import dev.dropsync.fulfillment.testing.TestInventory;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * FulfillmentEngine on JdbcOrderStore: several engine instances (each with its own store object,
 * as separate processes would have) on one database place every supplier order once, commit the
 * reservation once and record the commission once — under concurrency and across crashes.
 */
class JdbcFulfillmentExactlyOnceTest {
  private static final TenantId TENANT = Fixture.TENANT;
  private static final Instant EPOCH = Instant.EPOCH;
  private static final Instant FUTURE = Instant.parse("2100-01-01T00:00:00Z");

  /** The world outside the order store, shared by every engine ("process"). */
  private static final class World {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
    final TestInventory inventory = new TestInventory(clock);
    final InMemorySupplierOrders suppliers = new InMemorySupplierOrders(clock);
    final InMemoryFreightQuotes freight = new InMemoryFreightQuotes(List.of(
        new FreightOption("CJPacket", Money.of("4.00", "USD"), 7, 12),
        new FreightOption("DHL", Money.of("15.00", "USD"), 2, 4)));
    final RecordingNotifier notifier = new RecordingNotifier();

    World() {
      inventory.addVariant(TENANT, "v1", "cj", Money.of("5.00", "USD"), Money.of("20.00", "USD"), 100);
      inventory.addVariant(TENANT, "v2", "cj", Money.of("3.00", "USD"), Money.of("10.00", "USD"), 100);
      inventory.addVariant(TENANT, "v3", "acme", Money.of("8.00", "USD"), Money.of("25.00", "USD"), 100);
    }

    /** A new engine "process" with its own store object on {@code ds}. */
    FulfillmentEngine engine(DataSource ds) {
      return FulfillmentEngine.builder().orderStore(new JdbcOrderStore(ds)).stock(inventory).variants(inventory)
          .freightQuotes(freight).supplierOrders(suppliers).notifier(notifier).clock(clock).build();
    }
  }

  @Test
  void sameOrdersProcessedByManyEngineInstancesConcurrentlyPlaceAndChargeOnce() throws Exception {
    long seed = System.nanoTime();
    SplittableRandom rnd = new SplittableRandom(seed);
    DataSource ds = TestDatabase.get().fresh();
    for (int round = 0; round < 3; round++) {
      World w = new World();
      int orders = 1 + rnd.nextInt(3);
      int threads = 3 + rnd.nextInt(4);
      List<OrderId> ids = new ArrayList<>();
      int groups = 0;
      FulfillmentEngine creator = w.engine(ds);
      for (int i = 0; i < orders; i++) {
        boolean two = rnd.nextBoolean();
        ids.add(creator.createOrder((two ? Fixture.twoSupplierOrder(TENANT, "r" + round + "-" + i)
            : Fixture.order(TENANT, "r" + round + "-" + i)).build()).id());
        groups += two ? 2 : 1;
      }
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          List<OrderId> mine = new ArrayList<>(ids);
          Collections.shuffle(mine, new Random(rnd.nextLong()));
          FulfillmentEngine engine = w.engine(ds);
          futures.add(pool.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            for (int rep = 0; rep < 2; rep++) {
              for (OrderId id : mine) {
                engine.processOrder(TENANT, id);
              }
            }
            return null;
          }));
        }
        for (Future<?> fu : futures) {
          fu.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      String msg = "seed " + seed + " round " + round;
      FulfillmentEngine check = w.engine(ds);
      for (OrderId id : ids) {
        Order o = check.processOrder(TENANT, id);
        assertThat(o.status()).as(msg).isEqualTo(OrderStatus.PROCESSING);
        assertThat(o.reservationCommitted()).as(msg).isTrue();
        assertThat(o.commission()).as(msg).isNotNull();
        assertThat(w.notifier.sent(TENANT, id)).as(msg).hasSize(1);
        for (SupplierOrder so : check.supplierOrders(TENANT, id)) {
          assertThat(w.suppliers.placements(TENANT, so.supplierId(), so.reference())).as(msg).isEqualTo(1);
          assertThat(so.status()).as(msg).isEqualTo(SupplierOrderStatus.SUBMITTED);
        }
      }
      assertThat(w.suppliers.totalPlacements()).as(msg).isEqualTo(groups);
      assertThat(w.inventory.effectiveCommits()).as(msg).isEqualTo(orders);
      assertThat(check.earningEntries(TENANT, EPOCH, FUTURE)).as(msg)
          .filteredOn(e -> ids.contains(e.orderId())).hasSize(orders);
      assertThat(countRows("commission_ledger", "r" + round + "-%")).as(msg).isEqualTo(orders);
      assertThat(countRows("supplier_orders", "r" + round + "-%")).as(msg).isEqualTo(groups);
    }
  }

  @Test
  void engineWhoseDatabaseDiesAtAnyStatementIsResumedByAFreshEngineExactlyOnce() {
    int total = roundTripsOfACleanRun();
    assertThat(total).isGreaterThan(10);
    int scenarios = 0;
    DataSource ds = TestDatabase.get().fresh();
    for (boolean after : new boolean[] {false, true}) {
      for (int k = 1; k <= total; k++) {
        String scenario = "died at round trip " + k + " of " + total + (after ? " after applying it" : " before it");
        World w = new World();
        String orderId = "c-" + k + (after ? "-after" : "-before");
        OrderId id = w.engine(ds).createOrder(Fixture.twoSupplierOrder(TENANT, orderId).build()).id();
        FailingDataSource dying = new FailingDataSource(ds, k, after);
        try {
          w.engine(dying).processOrder(TENANT, id);
        } catch (RuntimeException expected) {
          // the "process" died mid-processOrder
        }
        assertThat(dying.dead()).as(scenario).isTrue();
        FulfillmentEngine fresh = w.engine(ds);
        runToCompletion(w, fresh, id, scenario);
        assertExactlyOnce(w, fresh, id, scenario);
        scenarios++;
      }
    }
    assertThat(scenarios).isEqualTo(2 * total);
  }

  private static int roundTripsOfACleanRun() {
    DataSource ds = TestDatabase.get().fresh();
    World w = new World();
    OrderId id = w.engine(ds).createOrder(Fixture.twoSupplierOrder(TENANT, "clean-run").build()).id();
    FailingDataSource counting = new FailingDataSource(ds, 0, false);
    Order o = w.engine(counting).processOrder(TENANT, id);
    assertThat(o.status()).isEqualTo(OrderStatus.PROCESSING);
    return counting.roundTrips();
  }

  private static void runToCompletion(World w, FulfillmentEngine engine, OrderId id, String scenario) {
    for (int attempt = 0; attempt < 12; attempt++) {
      try {
        Order o = engine.processOrder(TENANT, id);
        if (o.status() == OrderStatus.PROCESSING && o.commission() != null && o.reservationCommitted()) {
          return;
        }
      } catch (RuntimeException e) {
        // a retryable step failure; the host's job runner retries later
      }
      w.clock.advance(Duration.ofMinutes(3)); // past the submission lease, as after a real restart
    }
    throw new AssertionError(scenario + ": order did not complete: " + engine.getOrder(TENANT, id));
  }

  private static void assertExactlyOnce(World w, FulfillmentEngine engine, OrderId id, String scenario) {
    Order o = engine.getOrder(TENANT, id);
    assertThat(w.suppliers.placements(TENANT, "acme", id.value() + "-1")).as(scenario).isEqualTo(1);
    assertThat(w.suppliers.placements(TENANT, "cj", id.value() + "-2")).as(scenario).isEqualTo(1);
    assertThat(w.suppliers.totalPlacements()).as(scenario).isEqualTo(2);
    assertThat(w.inventory.effectiveCommits()).as(scenario).isEqualTo(1);
    assertThat(w.inventory.onHand(TENANT, "v1")).as(scenario).isEqualTo(98);
    List<EarningEntry> earnings = engine.earningEntries(TENANT, EPOCH, FUTURE).stream()
        .filter(e -> e.orderId().equals(id)).toList();
    assertThat(earnings).as(scenario).hasSize(1);
    assertThat(o.commission()).as(scenario).isEqualTo(earnings.get(0).split());
    assertThat(w.notifier.sent(TENANT, id).stream().filter(n -> n.type() == NotificationType.CONFIRMED).count())
        .as(scenario).isLessThanOrEqualTo(1);
    assertThat(engine.supplierOrders(TENANT, id)).as(scenario).hasSize(2)
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(SupplierOrderStatus.SUBMITTED));
    assertThat(countRows("supplier_orders", id.value())).as(scenario).isEqualTo(2);
    assertThat(countRows("commission_ledger", id.value())).as(scenario).isEqualTo(1);
  }

  /** Rows of {@code table} whose order id is LIKE {@code orderIdPattern}, counted as the superuser (all tenants). */
  static long countRows(String table, String orderIdPattern) {
    try (var c = TestDatabase.get().admin().getConnection();
        var ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE order_id LIKE ?")) {
      ps.setString(1, orderIdPattern);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.dropsync.fulfillment;

import static dev.dropsync.fulfillment.testing.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.testing.CrashingOrderStore;
import dev.dropsync.fulfillment.testing.Fixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Kills the pipeline at every store write in turn (before and after the write is applied), and
 * makes every SPI throw in turn, then processes the order again: exactly one supplier order per
 * group, the reservation committed once, the commission recorded once, the confirmation sent at
 * most once.
 */
class CrashInjectionTest {
  private static final Instant EPOCH = Instant.EPOCH;
  private static final Instant FUTURE = Instant.parse("2100-01-01T00:00:00Z");

  @Test
  void crashAtEveryStoreWriteThenRetryPlacesExactlyOnce() {
    int totalWrites = writesOfACleanRun();
    assertThat(totalWrites).isGreaterThan(8);
    int scenarios = 0;
    for (boolean after : new boolean[] {false, true}) {
      for (int k = 1; k <= totalWrites; k++) {
        CrashingOrderStore store = new CrashingOrderStore(new InMemoryOrderStore());
        Fixture f = new Fixture(store, b -> b);
        OrderId id = f.engine.createOrder(Fixture.twoSupplierOrder(TENANT, "c-1").build()).id();
        store.crashAtWrite(k, after);
        String scenario = "crash at write " + k + (after ? " after apply" : " before apply");
        runToCompletion(f, id, scenario);
        assertExactlyOnce(f, id, scenario);
        scenarios++;
      }
    }
    assertThat(scenarios).isEqualTo(2 * totalWrites);
  }

  @Test
  void everySpiFailingInTurnThenRetryPlacesExactlyOnce() {
    List<Consumer<Fixture>> faults = new ArrayList<>();
    faults.add(f -> f.freight.failNextQuotes(1));
    faults.add(f -> f.suppliers.failNextPlacesBeforeCreate(1));
    faults.add(f -> f.suppliers.failNextPlacesAfterCreate(1));
    faults.add(f -> f.suppliers.failNextPlacesAfterCreate(2));
    faults.add(f -> f.suppliers.failNextPlacesAfterCreate(1).failNextFinds(1));
    faults.add(f -> f.inventory.failNextCommits(1));
    faults.add(f -> f.notifier.failNextSends(1));
    for (int i = 0; i < faults.size(); i++) {
      Fixture f = new Fixture();
      OrderId id = f.engine.createOrder(Fixture.twoSupplierOrder(TENANT, "s-" + i).build()).id();
      faults.get(i).accept(f);
      runToCompletion(f, id, "fault " + i);
      assertExactlyOnce(f, id, "fault " + i);
      if (i == 2 || i == 3) {
        assertThat(f.suppliers.findCalls()).as("fault %s: looked the reference up before resending", i).isPositive();
      }
    }
  }

  private static int writesOfACleanRun() {
    CrashingOrderStore store = new CrashingOrderStore(new InMemoryOrderStore());
    Fixture f = new Fixture(store, b -> b);
    OrderId id = f.engine.createOrder(Fixture.twoSupplierOrder(TENANT, "c-1").build()).id();
    store.crashAtWrite(-1, false);
    f.engine.processOrder(TENANT, id);
    return store.writes();
  }

  private static void runToCompletion(Fixture f, OrderId id, String scenario) {
    for (int attempt = 0; attempt < 12; attempt++) {
      try {
        Order o = f.engine.processOrder(TENANT, id);
        if (o.status() == OrderStatus.PROCESSING && o.commission() != null && o.reservationCommitted()) {
          return;
        }
      } catch (RuntimeException e) {
        // the crash or SPI failure: the host's job runner would simply retry later
      }
      f.clock.advance(Duration.ofMinutes(3)); // past the submission lease, as after a real restart
    }
    throw new AssertionError(scenario + ": order did not complete: " + f.engine.getOrder(TENANT, id));
  }

  private static void assertExactlyOnce(Fixture f, OrderId id, String scenario) {
    Order o = f.engine.getOrder(TENANT, id);
    assertThat(f.suppliers.placements(TENANT, "acme", id.value() + "-1")).as(scenario).isEqualTo(1);
    assertThat(f.suppliers.placements(TENANT, "cj", id.value() + "-2")).as(scenario).isEqualTo(1);
    assertThat(f.suppliers.totalPlacements()).as(scenario).isEqualTo(2);
    assertThat(f.inventory.effectiveCommits()).as(scenario).isEqualTo(1);
    assertThat(f.inventory.onHand(TENANT, "v1")).as(scenario).isEqualTo(98);
    assertThat(f.engine.earningEntries(TENANT, EPOCH, FUTURE)).as(scenario).hasSize(1);
    assertThat(o.commission()).as(scenario).isEqualTo(f.engine.earningEntries(TENANT, EPOCH, FUTURE).get(0).split());
    assertThat(f.notifier.sent(TENANT, id).stream().filter(n -> n.type() == NotificationType.CONFIRMED).count())
        .as(scenario).isLessThanOrEqualTo(1);
    assertThat(f.engine.supplierOrders(TENANT, id)).as(scenario)
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(SupplierOrderStatus.SUBMITTED));
  }
}

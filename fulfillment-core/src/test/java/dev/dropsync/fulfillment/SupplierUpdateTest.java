package dev.dropsync.fulfillment;

import static dev.dropsync.fulfillment.testing.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.fulfillment.testing.Fixture;
import dev.dropsync.inventory.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SupplierUpdateTest {
  private final Fixture f = new Fixture();

  private SupplierUpdate.Builder update(String ref, SupplierOrderStatus s, Instant asOf) {
    return SupplierUpdate.builder().reference(ref).status(s).asOf(asOf);
  }

  @Test
  void staleAndDuplicateUpdatesNeverMoveAnOrderBackwards() {
    Order o = f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "u-1").build()).id());
    Instant t0 = f.clock.instant();
    assertThat(f.engine.applySupplierUpdate(TENANT, update("u-1-1", SupplierOrderStatus.SHIPPED, t0.plusSeconds(20))
        .trackingNumber("TN1").carrier("USPS").trackingUrl("https://t/TN1").source(SupplierUpdate.Source.WEBHOOK)
        .messageId("m1").event(new TrackingEvent(t0.plusSeconds(19), "Picked up", "Shenzhen")).build()))
        .isEqualTo(UpdateOutcome.APPLIED);
    assertThat(f.engine.getOrder(TENANT, o.id()).status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(f.engine.applySupplierUpdate(TENANT, update("u-1-1", SupplierOrderStatus.DELIVERED, t0.plusSeconds(40))
        .messageId("m2").build())).isEqualTo(UpdateOutcome.APPLIED);
    // the same webhook again, an older snapshot, a newer one that goes backwards, the same asOf again
    assertThat(f.engine.applySupplierUpdate(TENANT, update("u-1-1", SupplierOrderStatus.SHIPPED, t0.plusSeconds(20))
        .messageId("m1").build())).isEqualTo(UpdateOutcome.DUPLICATE);
    assertThat(f.engine.applySupplierUpdate(TENANT, update("u-1-1", SupplierOrderStatus.IN_PROGRESS, t0.plusSeconds(10)).build()))
        .isEqualTo(UpdateOutcome.STALE);
    assertThat(f.engine.applySupplierUpdate(TENANT, update("u-1-1", SupplierOrderStatus.SHIPPED, t0.plusSeconds(60)).build()))
        .isEqualTo(UpdateOutcome.STALE);
    assertThat(f.engine.applySupplierUpdate(TENANT, update("u-1-1", SupplierOrderStatus.DELIVERED, t0.plusSeconds(40)).build()))
        .isEqualTo(UpdateOutcome.DUPLICATE);
    SupplierOrder so = f.engine.supplierOrders(TENANT, o.id()).get(0);
    assertThat(so.status()).isEqualTo(SupplierOrderStatus.DELIVERED);
    assertThat(so.tracking()).isEqualTo(new Tracking("TN1", "USPS", "https://t/TN1"));
    assertThat(so.events()).hasSize(1);
    Order done = f.engine.getOrder(TENANT, o.id());
    assertThat(done.status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(done.fulfillmentStatus()).isEqualTo(FulfillmentStatus.DELIVERED);
    assertThat(f.notifier.sent(TENANT, o.id())).extracting(Notification::type)
        .containsExactly(NotificationType.CONFIRMED, NotificationType.SHIPPED, NotificationType.DELIVERED);
    assertThat(f.notifier.sent(TENANT, o.id()).get(1).tracking()).isEqualTo(new Tracking("TN1", "USPS", "https://t/TN1"));
  }

  @Test
  void partialShipmentIsDerivedFromSupplierOrders() {
    Order o = f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.twoSupplierOrder(TENANT, "u-2").build()).id());
    Instant t = f.clock.instant();
    f.engine.applySupplierUpdate(TENANT, update("u-2-1", SupplierOrderStatus.SHIPPED, t.plusSeconds(1)).trackingNumber("A").build());
    Order p = f.engine.getOrder(TENANT, o.id());
    assertThat(p.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(p.fulfillmentStatus()).isEqualTo(FulfillmentStatus.PARTIALLY_SHIPPED);
    f.engine.applySupplierUpdate(TENANT, update("u-2-2", SupplierOrderStatus.SHIPPED, t.plusSeconds(2)).trackingNumber("B").build());
    assertThat(f.engine.getOrder(TENANT, o.id()).status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(f.engine.getOrder(TENANT, o.id()).fulfillmentStatus()).isEqualTo(FulfillmentStatus.SHIPPED);
    f.engine.applySupplierUpdate(TENANT, update("u-2-1", SupplierOrderStatus.DELIVERED, t.plusSeconds(3)).build());
    assertThat(f.engine.getOrder(TENANT, o.id()).fulfillmentStatus()).isEqualTo(FulfillmentStatus.PARTIALLY_DELIVERED);
    assertThat(f.engine.getOrder(TENANT, o.id()).status()).isEqualTo(OrderStatus.SHIPPED);
    f.engine.applySupplierUpdate(TENANT, update("u-2-2", SupplierOrderStatus.DELIVERED, t.plusSeconds(4)).build());
    assertThat(f.engine.getOrder(TENANT, o.id()).status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(f.notifier.sent(TENANT, o.id()).stream().filter(n -> n.type() == NotificationType.SHIPPED).count()).isEqualTo(2);
  }

  @Test
  void pollingAppliesTheSuppliersStateAndUnknownReferencesAreTyped() {
    Order o = f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "u-3").build()).id());
    f.clock.advance(Duration.ofHours(1));
    f.suppliers.advance(TENANT, "cj", "u-3-1", SupplierOrderStatus.IN_PROGRESS, null, null);
    assertThat(f.engine.pollSupplierOrder(TENANT, "u-3-1")).isEqualTo(UpdateOutcome.APPLIED);
    assertThat(f.engine.pollSupplierOrder(TENANT, "u-3-1")).isEqualTo(UpdateOutcome.DUPLICATE);
    assertThat(f.engine.supplierOrders(TENANT, o.id()).get(0).status()).isEqualTo(SupplierOrderStatus.IN_PROGRESS);
    assertThatThrownBy(() -> f.engine.applySupplierUpdate(TENANT, update("nope-1", SupplierOrderStatus.SHIPPED, f.clock.instant()).build()))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("reference").hasMessageContaining("nope-1");
  }

  @Test
  void shuffledDuplicatedUpdateStreamsEndInTheNewestStateAndOnlyMoveForward() {
    long seed = System.nanoTime();
    SplittableRandom rnd = new SplittableRandom(seed);
    List<SupplierOrderStatus> path = List.of(SupplierOrderStatus.SUBMITTED, SupplierOrderStatus.ACCEPTED,
        SupplierOrderStatus.IN_PROGRESS, SupplierOrderStatus.SHIPPED, SupplierOrderStatus.DELIVERED);
    for (int round = 0; round < 200; round++) {
      Fixture g = new Fixture();
      OrderId id = g.engine.processOrder(TENANT, g.engine.createOrder(Fixture.order(TENANT, "x" + round).build()).id()).id();
      Instant t = g.clock.instant();
      int n = 1 + rnd.nextInt(path.size());
      List<SupplierUpdate> stream = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        SupplierUpdate u = update("x" + round + "-1", path.get(i), t.plusSeconds(10L * (i + 1))).messageId("m" + i)
            .source(SupplierUpdate.Source.WEBHOOK).build();
        stream.add(u);
        if (rnd.nextBoolean()) {
          stream.add(u); // webhook retry
        }
      }
      Collections.shuffle(stream, new Random(rnd.nextLong()));
      for (SupplierUpdate u : stream) {
        g.engine.applySupplierUpdate(TENANT, u);
      }
      SupplierOrder so = g.engine.supplierOrders(TENANT, id).get(0);
      String msg = "seed " + seed + " round " + round + " stream " + stream;
      assertThat(so.status()).as(msg).isEqualTo(path.get(n - 1));
      List<SupplierOrderStatus> seen = so.history().stream().map(StatusChange::to).toList();
      for (int i = 1; i < seen.size(); i++) {
        assertThat(seen.get(i).ordinal()).as(msg).isGreaterThanOrEqualTo(seen.get(i - 1).ordinal());
      }
      boolean shipped = n >= 4;
      assertThat(g.notifier.sent(TENANT, id).stream().filter(x -> x.type() == NotificationType.SHIPPED).count())
          .as(msg).isEqualTo(shipped ? 1 : 0);
    }
  }

  @Test
  void aWebhookForAnOrderWhoseCreationOutcomeWasUnknownAdoptsItWithoutResending() {
    f.suppliers.failNextPlacesAfterCreate(1);
    OrderId id = f.engine.createOrder(Fixture.order(TENANT, "u-4").build()).id();
    assertThatThrownBy(() -> f.engine.processOrder(TENANT, id)).isInstanceOf(StepFailedException.class);
    assertThat(f.engine.supplierOrders(TENANT, id).get(0).status()).isEqualTo(SupplierOrderStatus.SUBMITTING);
    assertThat(f.engine.applySupplierUpdate(TENANT, update("u-4-1", SupplierOrderStatus.ACCEPTED, f.clock.instant())
        .supplierOrderId("SO1").source(SupplierUpdate.Source.WEBHOOK).messageId("w1").build())).isEqualTo(UpdateOutcome.APPLIED);
    Order o = f.engine.processOrder(TENANT, id);
    assertThat(o.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(o.commission()).isNotNull();
    assertThat(f.suppliers.placements(TENANT, "cj", "u-4-1")).isEqualTo(1);
    assertThat(f.engine.supplierOrders(TENANT, id).get(0).supplierOrderId()).isEqualTo("SO1");
  }
}

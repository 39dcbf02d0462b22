package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.spi.AutomationListener;
import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.fulfillment.NotificationType;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.TaskRequest;
import dev.dropsync.scheduler.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code order_fulfillment}: one supplier order per order ever, and a sweep that finishes what is open. */
class OrderFulfillmentTaskTest {
  private final List<String> failedItems = new CopyOnWriteArrayList<>();
  private final AutomationFixture fx = new AutomationFixture(b -> b.listener(new AutomationListener() {
    @Override
    public void onItemFailed(TenantId tenant, String taskType, String item, Throwable error) {
      failedItems.add(tenant + " " + taskType + " " + item);
    }
  }));
  private final TenantId shop = TenantId.of("shop-1");
  private final TenantAutomation t = fx.onboard("shop-1", Plan.PRO);
  private final Product mug = fx.product(shop, "CJ-MUG", 10, "4.20");

  @Test
  void fulfilPlacesTheSupplierOrderExactlyOnce() {
    fx.order(shop, "1001", mug, 2);
    AutomationTask task = t.fulfill(OrderId.of("1001"));
    assertThat(task.instanceKey()).isEqualTo("order_fulfillment:shop-1:1001");
    assertThat(t.fulfill(OrderId.of("1001")).id()).isEqualTo(task.id());
    fx.runDue();

    Order o = t.order(OrderId.of("1001"));
    assertThat(o.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(o.reservationCommitted()).isTrue();
    assertThat(fx.suppliers.placements(shop, "cj", "1001-1")).isEqualTo(1);
    assertThat(t.fulfill(OrderId.of("1001")).status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(fx.runDue()).isZero();
    assertThat(fx.suppliers.totalPlacements()).isEqualTo(1);
    assertThat(t.product(mug.id()).variants().get(0).onHand()).isEqualTo(8);
  }

  @Test
  void aRedeliveredOrRetriedTaskNeverPlacesASecondSupplierOrder() {
    fx.order(shop, "1002", mug, 1);
    fx.suppliers.failNextPlacesAfterCreate(1); // CJ created it, but the answer was lost
    AutomationTask first = t.fulfill(OrderId.of("1002"));
    fx.runDue();
    assertThat(t.task(first.id()).status()).isEqualTo(TaskStatus.PENDING); // retry scheduled
    // a second delivery of the same work (e.g. a frozen node waking up) runs meanwhile
    t.submit(TaskRequest.builder().type(TaskTypes.ORDER_FULFILLMENT).owner("shop-1").instanceKey("again")
        .payload(Map.of(TaskTypes.ORDER_ID, "1002")).build());
    fx.runDue();
    fx.advanceAndRun(Duration.ofMinutes(3));

    assertThat(t.task(first.id()).status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(fx.suppliers.placements(shop, "cj", "1002-1")).isEqualTo(1);
    assertThat(t.order(OrderId.of("1002")).status()).isEqualTo(OrderStatus.PROCESSING);
  }

  @Test
  void theSweepFollowsPlacedOrdersToTheDoor() {
    fx.order(shop, "1003", mug, 1);
    t.fulfill(OrderId.of("1003"));
    fx.runDue();
    fx.clock.advance(Duration.ofHours(20));
    fx.suppliers.advance(shop, "cj", "1003-1", SupplierOrderStatus.SHIPPED,
        new Tracking("CJPKL123", "CJPacket", null), null);

    fx.clock.set(fx.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofMinutes(70)));
    fx.runDue();
    assertThat(t.order(OrderId.of("1003")).status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(t.supplierOrders(OrderId.of("1003"))).singleElement()
        .satisfies(so -> assertThat(so.tracking().trackingNumber()).isEqualTo("CJPKL123"));
    assertThat(fx.notifier.sent(shop, OrderId.of("1003"))).extracting(n -> n.type()).contains(NotificationType.SHIPPED);

    fx.suppliers.advance(shop, "cj", "1003-1", SupplierOrderStatus.DELIVERED, null, null);
    fx.advanceAndRun(Duration.ofHours(1));
    assertThat(t.order(OrderId.of("1003")).status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(fx.notifier.sent(shop, OrderId.of("1003"))).extracting(n -> n.type())
        .containsOnlyOnce(NotificationType.DELIVERED);
  }

  @Test
  void theSweepResumesAnOrderHeldForStockOnceStockIsBack() {
    fx.order(shop, "1004", mug, 12); // only 10 on hand
    t.fulfill(OrderId.of("1004"));
    fx.runDue();
    assertThat(t.order(OrderId.of("1004")).status()).isEqualTo(OrderStatus.ON_HOLD);

    fx.inventory.supplier().setStock("CJ-MUG-V1", 20);
    t.syncNow();
    fx.runDue();
    fx.advanceAndRun(Duration.ofHours(1));

    assertThat(t.order(OrderId.of("1004")).status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(fx.suppliers.placements(shop, "cj", "1004-1")).isEqualTo(1);
  }

  @Test
  void theSweepNeverProcessesAnUnpaidOrder() {
    fx.order(shop, "1005", mug, 1);
    for (int i = 0; i < 3; i++) {
      fx.advanceAndRun(Duration.ofHours(1));
    }
    assertThat(t.order(OrderId.of("1005")).status()).isEqualTo(OrderStatus.PENDING);
    assertThat(fx.suppliers.totalPlacements()).isZero();
    assertThat(t.tasks()).filteredOn(x -> x.type().equals(TaskTypes.ORDER_FULFILLMENT)).hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(x -> assertThat(x.status()).isEqualTo(TaskStatus.COMPLETED));
  }

  @Test
  void aFailingOrderIsReportedAndTheSweepGoesOnWithTheOthers() {
    fx.order(shop, "2001", mug, 1);
    t.fulfill(OrderId.of("2001"));
    fx.runDue();
    fx.order(shop, "2002", mug, 1);
    fx.freight.failNextQuotes(1000);
    AutomationTask stuck = t.fulfill(OrderId.of("2002"));
    for (int i = 0; i < 5; i++) {
      fx.advanceAndRun(Duration.ofSeconds(30));
    }
    assertThat(t.task(stuck.id()).status()).isEqualTo(TaskStatus.FAILED);
    assertThat(t.order(OrderId.of("2002")).status()).isEqualTo(OrderStatus.CONFIRMED);
    fx.suppliers.advance(shop, "cj", "2001-1", SupplierOrderStatus.SHIPPED, new Tracking("TRK-1", "CJPacket", null), null);

    fx.clock.set(Instant.parse("2026-01-01T01:10:00Z"));
    fx.runDue();
    assertThat(failedItems).contains("shop-1 order_fulfillment order 2002");
    assertThat(t.order(OrderId.of("2001")).status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(t.tasks()).filteredOn(x -> x.scheduleId() != null && x.type().equals(TaskTypes.ORDER_FULFILLMENT))
        .last().satisfies(x -> assertThat(x.status()).isEqualTo(TaskStatus.COMPLETED));

    fx.freight.failNextQuotes(0);
    fx.clock.set(Instant.parse("2026-01-01T02:10:00Z"));
    fx.runDue();
    assertThat(t.order(OrderId.of("2002")).status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(fx.suppliers.placements(shop, "cj", "2002-1")).isEqualTo(1);
  }

  @Test
  void fulfillingAnotherTenantsOrderIdFailsWithoutTouchingIt() {
    TenantId other = TenantId.of("shop-2");
    fx.onboard("shop-2", Plan.PRO);
    Product otherMug = fx.product(other, "CJ-MUG-2", 10, "4.20");
    fx.order(other, "9001", otherMug, 1);
    AutomationTask sneaky = t.submit(TaskRequest.builder().type(TaskTypes.ORDER_FULFILLMENT).owner("shop-1")
        .payload(Map.of(TaskTypes.ORDER_ID, "9001")).build());
    fx.runDue();
    assertThat(t.task(sneaky.id()).status()).isEqualTo(TaskStatus.FAILED);
    assertThat(t.task(sneaky.id()).lastError()).contains("orderId").contains("9001");
    assertThat(fx.fulfillment.getOrder(other, OrderId.of("9001")).status()).isEqualTo(OrderStatus.PENDING);
    assertThat(fx.suppliers.totalPlacements()).isZero();
  }
}

package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.dropsync.automation.DaySnapshot;
import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.automation.TaskTypes;
import dev.dropsync.automation.TenantAutomation;
import dev.dropsync.automation.WebhookAck;
import dev.dropsync.automation.WebhookDisposition;
import dev.dropsync.automation.WebhookLog;
import dev.dropsync.automation.WebhookOutcome;
import dev.dropsync.automation.testing.CjPayloads;
import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderRequest;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.Sale;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.Recurrence;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.ScheduleRequest;
import dev.dropsync.scheduler.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * automation's {@code Automation} with every store on PostgreSQL ({@link JdbcAutomationRig}):
 * concurrent deliveries of one signed CJ webhook through two "processes" log it once, queue one
 * task and apply it once; the standard tasks run on the database; and tenant A's view reaches none
 * of B's webhook logs, tasks or schedules.
 */
class JdbcAutomationEndToEndTest {
  private static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void aSignedWebhookDeliveredConcurrentlyFromManyThreadsIsLoggedQueuedAndAppliedOnce() throws Exception {
    JdbcAutomationRig rig = new JdbcAutomationRig();
    try (HikariDataSource secondPool = TestDatabase.get().newAppPool("node-2", 6)) {
      JdbcAutomationRig.Node n1 = rig.node(TestDatabase.get().fresh(), "node-1");
      JdbcAutomationRig.Node n2 = rig.node(secondPool, "node-2");
      TenantId shop = TenantId.of("shop-1");
      TenantAutomation t = n1.onboard("shop-1", Plan.PREMIUM);
      Product mug = n1.product(shop, "CJ-MUG", 10, "4.20");
      rig.supplier.setStock("CJ-MUG-V1", 3);
      byte[] body = CjPayloads.stock("m-1", "CJ-MUG-V1", 3);

      int threads = 8;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<WebhookAck> acks = new ArrayList<>();
      try {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<List<WebhookAck>>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          JdbcAutomationRig.Node node = i % 2 == 0 ? n1 : n2;
          done.add(pool.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return List.of(node.deliver(shop, body), node.deliver(shop, body));
          }));
        }
        for (Future<List<WebhookAck>> f : done) {
          acks.addAll(f.get(60, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(acks).hasSize(2 * threads).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
      assertThat(acks).filteredOn(a -> a.disposition() == WebhookDisposition.ACCEPTED).hasSize(1);
      assertThat(acks).filteredOn(a -> a.disposition() == WebhookDisposition.DUPLICATE).hasSize(2 * threads - 1);
      String taskId = java.util.Objects.requireNonNull(acks.get(0).taskId(), "taskId of the first ack");
      assertThat(acks).extracting(WebhookAck::taskId).containsOnly(taskId).doesNotContainNull();
      // in the database: one log row with every duplicate counted, one task
      assertThat(InventoryRig.adminLong("SELECT count(*) FROM webhook_logs WHERE tenant_id = 'shop-1'")).isEqualTo(1);
      assertThat(InventoryRig.adminLong("SELECT duplicates FROM webhook_logs WHERE tenant_id = 'shop-1' "
          + "AND log_id = 'm-1' AND task_id = ?", taskId)).isEqualTo(2 * threads - 1);
      assertThat(InventoryRig.adminLong("SELECT count(*) FROM automation_tasks WHERE tenant_id = 'shop-1' "
          + "AND task_type = ?", TaskTypes.WEBHOOK_PROCESS)).isEqualTo(1);

      // both nodes run their schedulers; the one task is processed once
      int ran = n2.runDue() + n1.runDue();
      assertThat(ran).isPositive();
      WebhookLog entry = t.webhookLog("m-1");
      assertThat(entry.processed()).isTrue();
      assertThat(entry.outcome()).isEqualTo(WebhookOutcome.APPLIED);
      assertThat(entry.taskId()).isEqualTo(taskId);
      assertThat(t.task(taskId).status()).isEqualTo(TaskStatus.COMPLETED);
      assertThat(t.product(mug.id()).variants().get(0).onHand()).as("the change applied").isEqualTo(3);
      assertThat(InventoryRig.adminLong("SELECT on_hand FROM inventory_variants WHERE tenant_id = 'shop-1' "
          + "AND variant_id = ?", mug.variants().get(0).id().value())).isEqualTo(3);
      assertThat(InventoryRig.adminLong("SELECT count(*) FROM inventory_ledger WHERE tenant_id = 'shop-1' "
          + "AND ref = 'webhook:m-1'")).isEqualTo(1);

      // a late redelivery of the processed message: counted, nothing queued, nothing changed
      rig.supplier.setStock("CJ-MUG-V1", 7);
      WebhookAck late = n2.deliver(shop, body);
      assertThat(late.disposition()).isEqualTo(WebhookDisposition.DUPLICATE);
      assertThat(n1.runDue() + n2.runDue()).isZero();
      assertThat(t.webhookLog("m-1").duplicates()).isEqualTo(2 * threads);
      assertThat(t.product(mug.id()).variants().get(0).onHand()).isEqualTo(3);
      assertThat(InventoryRig.adminLong("SELECT count(*) FROM automation_tasks WHERE tenant_id = 'shop-1' "
          + "AND task_type = ?", TaskTypes.WEBHOOK_PROCESS)).isEqualTo(1);
    }
  }

  @Test
  void theStandardTasksRunOnPostgres() {
    JdbcAutomationRig rig = new JdbcAutomationRig();
    JdbcAutomationRig.Node n = rig.node(TestDatabase.get().fresh(), "node-1");
    TenantId shop = TenantId.of("shop-1");
    TenantAutomation t = n.onboard("shop-1", Plan.PRO);
    assertThat(t.schedules()).extracting(Schedule::taskType)
        .contains(TaskTypes.INVENTORY_SYNC, TaskTypes.STOCK_ALERT, TaskTypes.ORDER_FULFILLMENT, TaskTypes.ANALYTICS_SNAPSHOT);
    assertThat(InventoryRig.adminLong("SELECT count(*) FROM secret_ciphertexts WHERE tenant_id = 'shop-1'")).isEqualTo(2);
    Product lamp = n.product(shop, "CJ-LAMP", 12, "9.00");

    // order_fulfillment: one supplier order, however often the sweep runs
    n.fulfillment.createOrder(OrderRequest.builder().tenant(shop).orderId(OrderId.of("1001")).currency("USD")
        .line(lamp.variants().get(0).id(), 2, Money.of("19.99", "USD")).shippingCharge(Money.of("4.99", "USD"))
        .shippingAddress(Address.builder().name("Ada Lovelace").line1("1 Main St").city("Springfield").province("IL")
            .zip("62701").country("US").phone("+1 217 555 0100").build())
        .customer(CustomerContact.of("Ada Lovelace", "ada@example.com")).build());
    t.fulfill(OrderId.of("1001"));
    n.runDue();
    t.fulfill(OrderId.of("1001"));
    n.runDue();
    assertThat(t.supplierOrders(OrderId.of("1001"))).hasSize(1).allSatisfy(so -> assertThat(so.status().isPlaced()).isTrue());
    assertThat(rig.supplierOrders.totalPlacements()).isEqualTo(1);
    n.sales.recordSale(new Sale(shop, lamp.id(), lamp.variants().get(0).id(), 2, Money.of("19.99", "USD"),
        Money.of("9.00", "USD"), rig.clock.instant(), "1001"));

    // stock_alert: the supplier runs low, the hourly sync and the alert task see it; one alert, delivered once
    rig.supplier.setStock("CJ-LAMP-V1", 1);
    t.syncNow();
    n.runDue();
    t.checkStockNow();
    n.runDue();
    t.checkStockNow();
    n.runDue();
    assertThat(t.openStockAlerts()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(StockAlertKind.LOW_STOCK);
      assertThat(a.delivered()).isTrue();
    });
    assertThat(n.alerts).extracting(StockAlert::alertId).containsExactly(t.openStockAlerts().get(0).alertId());

    // analytics_snapshot of the day, run by its schedule just after midnight
    LocalDate day = rig.clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    rig.clock.advance(Duration.ofDays(1).minusSeconds(rig.clock.instant().atZone(ZoneOffset.UTC).toLocalTime()
        .toSecondOfDay()).plusMinutes(31));
    n.runDue();
    assertThat(InventoryRig.adminLong("SELECT units_sold FROM inventory_health WHERE tenant_id = 'shop-1' AND day = ?",
        day)).isEqualTo(2);
    assertThat(InventoryRig.adminLong("SELECT count(*) FROM stock_history WHERE tenant_id = 'shop-1' AND day = ?", day))
        .isEqualTo(1);
    assertThat(InventoryRig.adminLong("SELECT count(*) FROM product_analytics WHERE tenant_id = 'shop-1' AND day = ?",
        day)).isEqualTo(1);
    assertThat(InventoryRig.adminLong("SELECT orders FROM fulfillment_metrics WHERE tenant_id = 'shop-1' AND day = ?",
        day)).isEqualTo(1);
    // (the schedule caught up the day before as well: it was onboarded at midnight, before its first 00:30)
    assertThat(InventoryRig.adminLong("SELECT count(*) FROM inventory_health WHERE tenant_id = 'shop-1'")).isEqualTo(2);
    DaySnapshot again = t.snapshotDay(day);
    assertThat(again.inventory()).isNotNull();
    assertThat(InventoryRig.adminLong("SELECT count(*) FROM inventory_health WHERE tenant_id = 'shop-1' AND day = ?",
        day)).as("re-running a day replaces its rows").isEqualTo(1);
  }

  @Test
  void tenantAsViewReachesNoneOfBsWebhookLogsTasksOrSchedulesOnPostgres() {
    JdbcAutomationRig rig = new JdbcAutomationRig();
    JdbcAutomationRig.Node n = rig.node(TestDatabase.get().fresh(), "node-1");
    TenantId a = TenantId.of("shop-a");
    TenantId b = TenantId.of("shop-b");
    TenantAutomation ta = n.onboard("shop-a", Plan.PREMIUM);
    TenantAutomation tb = n.onboard("shop-b", Plan.PREMIUM);
    n.product(a, "CJ-A", 10, "4.20");
    n.product(b, "CJ-B", 10, "4.20");
    assertThat(n.deliver(b, CjPayloads.stock("m-b-1", "CJ-B-V1", 10)).disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    n.runDue();
    AutomationTask pendingB = tb.syncNow();
    Schedule customB = tb.addSchedule(ScheduleRequest.builder().id("b-report").owner("shop-b")
        .taskType(TaskTypes.STOCK_ALERT).recurrence(Recurrence.daily(LocalTime.NOON, ZoneOffset.UTC)).build());
    String rowsOfB = TestDatabase.get().dump(
        "SELECT id, status, version FROM automation_tasks WHERE tenant_id = 'shop-b' ORDER BY id",
        "SELECT id, active, next_run_ns FROM automation_schedules WHERE tenant_id = 'shop-b' ORDER BY id",
        "SELECT log_id, processed, duplicates FROM webhook_logs WHERE tenant_id = 'shop-b' ORDER BY log_id");

    notFound(() -> ta.webhookLog("m-b-1"), "messageId", "m-b-1");
    assertThat(ta.webhookLogs(Instant.EPOCH, FAR, null, 1000)).isEmpty();
    assertThat(ta.health(Instant.EPOCH, FAR).webhooks().received()).isZero();
    notFound(() -> ta.task(pendingB.id()), "taskId", pendingB.id());
    notFound(() -> ta.cancelTask(pendingB.id()), "taskId", pendingB.id());
    for (String id : List.of(customB.id(), tb.schedules().get(0).id())) {
      notFound(() -> ta.schedule(id), "scheduleId", id);
      notFound(() -> ta.pauseSchedule(id), "scheduleId", id);
      notFound(() -> ta.resumeSchedule(id), "scheduleId", id);
      notFound(() -> ta.runScheduleNow(id), "scheduleId", id);
      notFound(() -> ta.deleteSchedule(id), "scheduleId", id);
    }
    ta.syncNow();
    assertThat(ta.tasks()).isNotEmpty().extracting(AutomationTask::owner).containsOnly("shop-a");
    assertThat(ta.schedules()).isNotEmpty().extracting(Schedule::owner).containsOnly("shop-a");
    // a B-signed delivery at A's endpoint does not verify; A's copy of B's message id is A's own entry
    byte[] body = CjPayloads.stock("m-b-1", "CJ-B-V1", 0);
    assertThat(ta.receiveWebhook(body, CjPayloads.headers(body, dev.dropsync.automation.testing.AutomationFixture
        .openId(b))).status()).isEqualTo(401);
    assertThat(n.deliver(a, CjPayloads.stock("m-b-1", "CJ-A-V1", 1)).disposition()).isEqualTo(WebhookDisposition.ACCEPTED);

    assertThat(TestDatabase.get().dump(
        "SELECT id, status, version FROM automation_tasks WHERE tenant_id = 'shop-b' ORDER BY id",
        "SELECT id, active, next_run_ns FROM automation_schedules WHERE tenant_id = 'shop-b' ORDER BY id",
        "SELECT log_id, processed, duplicates FROM webhook_logs WHERE tenant_id = 'shop-b' ORDER BY log_id"))
        .as("B's rows untouched").isEqualTo(rowsOfB);
    assertThat(tb.task(pendingB.id()).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(tb.webhookLog("m-b-1").duplicates()).isZero();
    assertThat(ta.webhookLogs(Instant.EPOCH, FAR, null, 10)).extracting(WebhookLog::tenant).containsOnly(a).hasSize(2);
  }

  private static void notFound(ThrowingCallable call, String field, String value) {
    assertThatThrownBy(call).isInstanceOf(NotFoundException.class).satisfies(e -> {
      assertThat(((NotFoundException) e).field()).isEqualTo(field);
      assertThat(((NotFoundException) e).value()).isEqualTo(value);
    });
  }
}

package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.automation.internal.Keys;
import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.automation.testing.CjPayloads;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.Recurrence;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.ScheduleRequest;
import dev.dropsync.scheduler.TaskRequest;
import dev.dropsync.scheduler.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant A's view can neither read nor change tenant B's products, orders, supplier orders, tasks,
 * schedules, webhook logs, alerts or secrets: every id of B passed through A is refused exactly like
 * an id that does not exist, and B's state is unchanged afterwards.
 */
class TenantIsolationTest {
  private static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");
  private final AutomationFixture fx = new AutomationFixture();
  private final TenantId a = TenantId.of("shop-a");
  private final TenantId b = TenantId.of("shop-b");
  private final TenantAutomation ta = fx.onboard("shop-a", Plan.PREMIUM);
  private final TenantAutomation tb = fx.onboard("shop-b", Plan.PREMIUM);
  private final Product productA = fx.product(a, "CJ-A", 10, "4.20");
  private final Product productB = fx.product(b, "CJ-B", 3, "4.20");
  private Order orderB = fx.order(b, "B-1001", productB, 1);
  private SupplierOrder supplierOrderB = placed();
  private AutomationTask pendingTaskB = tb.syncNow();
  private Schedule scheduleB = tb.addSchedule(ScheduleRequest.builder().id("b-report").owner("shop-b")
      .taskType(TaskTypes.STOCK_ALERT).recurrence(Recurrence.daily(LocalTime.NOON, ZoneOffset.UTC)).build());
  private String messageB = "m-b-1";

  private SupplierOrder placed() {
    tb.fulfill(OrderId.of("B-1001"));
    fx.runDue();
    return tb.supplierOrders(OrderId.of("B-1001")).get(0);
  }

  @BeforeEach
  void deliverAMessageToB() {
    assertThat(fx.deliver(b, CjPayloads.stock(messageB, "CJ-B-V1", 1)).disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    tb.checkStockNow();
    fx.runDue(); // B's stock of 2 after the order: B has an open low-stock alert
    pendingTaskB = tb.syncNow();
    orderB = tb.order(OrderId.of("B-1001"));
    supplierOrderB = tb.supplierOrders(OrderId.of("B-1001")).get(0);
  }

  private static void notFound(ThrowingCallable call, String field, String value) {
    assertThatThrownBy(call).isInstanceOf(NotFoundException.class)
        .satisfies(e -> {
          assertThat(((NotFoundException) e).field()).isEqualTo(field);
          assertThat(((NotFoundException) e).value()).isEqualTo(value);
        });
  }

  private record Snapshot(List<Product> products, Order order, List<SupplierOrder> supplierOrders,
      List<AutomationTask> tasks, List<Schedule> schedules, List<WebhookLog> logs, List<StockAlert> alerts) {}

  private Snapshot snapshotOfB() {
    return new Snapshot(tb.products(), tb.order(OrderId.of("B-1001")), tb.supplierOrders(OrderId.of("B-1001")),
        tb.tasks(), tb.schedules(), tb.webhookLogs(Instant.EPOCH, FAR, null, 1000), tb.openStockAlerts());
  }

  @Test
  void bsProductsCannotBeReadOrSyncedThroughA() {
    Snapshot before = snapshotOfB();
    assertThat(ta.product(productA.id()).tenant()).isEqualTo(a);
    notFound(() -> ta.product(productB.id()), "productId", productB.id().value());
    notFound(() -> ta.syncProduct(productB.id()), "productId", productB.id().value());
    assertThat(ta.products()).extracting(Product::tenant).containsOnly(a);
    assertThat(ta.products()).extracting(Product::id).doesNotContain(productB.id());
    fx.runDue();
    assertThat(snapshotOfB().products()).isEqualTo(before.products());
  }

  @Test
  void bsOrdersAndSupplierOrdersCannotBeReadFulfilledOrPolledThroughA() {
    Snapshot before = snapshotOfB();
    notFound(() -> ta.order(orderB.id()), "orderId", "B-1001");
    notFound(() -> ta.supplierOrders(orderB.id()), "orderId", "B-1001");
    notFound(() -> ta.fulfill(orderB.id()), "orderId", "B-1001");
    notFound(() -> ta.pollSupplierOrder(supplierOrderB.reference()), "reference", supplierOrderB.reference());
    fx.runDue();
    Snapshot after = snapshotOfB();
    assertThat(after.order()).isEqualTo(before.order());
    assertThat(after.supplierOrders()).isEqualTo(before.supplierOrders());
    assertThat(ta.tasks()).noneMatch(x -> x.payload().containsValue("B-1001"));
  }

  @Test
  void bsTasksCannotBeReadOrCancelledThroughA() {
    assertThat(pendingTaskB.status()).isEqualTo(TaskStatus.PENDING);
    notFound(() -> ta.task(pendingTaskB.id()), "taskId", pendingTaskB.id());
    notFound(() -> ta.cancelTask(pendingTaskB.id()), "taskId", pendingTaskB.id());
    assertThat(tb.task(pendingTaskB.id()).status()).isEqualTo(TaskStatus.PENDING);
    ta.syncNow();
    assertThat(ta.tasks()).isNotEmpty().extracting(AutomationTask::owner).containsOnly("shop-a");
    assertThat(ta.tasks()).extracting(AutomationTask::id).doesNotContain(pendingTaskB.id());
    notFound(() -> ta.task("no-such-task"), "taskId", "no-such-task");
    assertThat(tb.cancelTask(pendingTaskB.id())).isTrue();
  }

  @Test
  void aCannotSubmitTasksOrSchedulesForB() {
    assertThatThrownBy(() -> ta.submit(TaskRequest.builder().type(TaskTypes.INVENTORY_SYNC).owner("shop-b").build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("owner").hasMessageContaining("shop-b");
    assertThatThrownBy(() -> ta.addSchedule(ScheduleRequest.builder().owner("shop-b").taskType(TaskTypes.STOCK_ALERT)
        .recurrence(Recurrence.every(Duration.ofHours(1))).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("owner");
    // the same instance key or schedule id as B's lands in A's own namespace
    AutomationTask mine = ta.submit(TaskRequest.builder().type(TaskTypes.STOCK_ALERT).owner("shop-a")
        .instanceKey("nightly").build());
    AutomationTask theirs = tb.submit(TaskRequest.builder().type(TaskTypes.STOCK_ALERT).owner("shop-b")
        .instanceKey("nightly").build());
    assertThat(mine.id()).isNotEqualTo(theirs.id());
    assertThat(mine.owner()).isEqualTo("shop-a");
    Schedule same = ta.addSchedule(ScheduleRequest.builder().id("b-report").owner("shop-a")
        .taskType(TaskTypes.STOCK_ALERT).recurrence(Recurrence.daily(LocalTime.NOON, ZoneOffset.UTC)).build());
    assertThat(same.id()).isNotEqualTo(scheduleB.id());
    assertThat(tb.schedule(scheduleB.id())).isEqualTo(scheduleB);
  }

  @Test
  void bsSchedulesCannotBeReadPausedResumedRunOrDeletedThroughA() {
    List<String> ids = List.of(scheduleB.id(), Keys.managedSchedule(b, TaskTypes.INVENTORY_SYNC));
    for (String id : ids) {
      Schedule before = tb.schedule(id);
      notFound(() -> ta.schedule(id), "scheduleId", id);
      notFound(() -> ta.pauseSchedule(id), "scheduleId", id);
      notFound(() -> ta.resumeSchedule(id), "scheduleId", id);
      notFound(() -> ta.runScheduleNow(id), "scheduleId", id);
      notFound(() -> ta.deleteSchedule(id), "scheduleId", id);
      assertThat(tb.schedule(id)).isEqualTo(before);
    }
    int tasksOfB = tb.tasks().size();
    fx.runDue();
    assertThat(tb.tasks()).hasSize(tasksOfB); // A's runScheduleNow calls added no task to B
    assertThat(ta.schedules()).extracting(Schedule::owner).containsOnly("shop-a");
    assertThat(ta.health(Instant.EPOCH, FAR).schedules()).extracting(ScheduleHealth::scheduleId)
        .noneMatch(ids::contains);
  }

  @Test
  void bsWebhookLogCannotBeReadThroughAAndBsMessagesAreRefusedAtAsEndpoint() {
    notFound(() -> ta.webhookLog(messageB), "messageId", messageB);
    assertThat(ta.webhookLogs(Instant.EPOCH, FAR, null, 1000)).isEmpty();
    assertThat(ta.health(Instant.EPOCH, FAR).webhooks().received()).isZero();

    // B's genuine, B-signed delivery sent to A's endpoint does not verify with A's openId
    byte[] body = CjPayloads.stock("m-b-2", "CJ-B-V1", 0);
    WebhookAck ack = ta.receiveWebhook(body, CjPayloads.headers(body, AutomationFixture.openId(b)));
    assertThat(ack.status()).isEqualTo(401);
    assertThat(ta.webhookLogs(Instant.EPOCH, FAR, null, 10)).singleElement()
        .satisfies(e -> assertThat(e.verified()).isFalse());
    // and A's own copy of the same message id is a different entry from B's
    assertThat(fx.deliver(a, CjPayloads.stock(messageB, "CJ-A-V1", 1)).disposition())
        .isEqualTo(WebhookDisposition.ACCEPTED);
    assertThat(tb.webhookLog(messageB).duplicates()).isZero();
    fx.runDue();
    assertThat(tb.webhookLogs(Instant.EPOCH, FAR, null, 1000)).extracting(WebhookLog::tenant).containsOnly(b);
  }

  @Test
  void aMessageMentioningBsProductsHasNoEffectOnBWhenSentToA() {
    assertThat(tb.cancelTask(pendingTaskB.id())).isTrue(); // only A's work runs below
    fx.inventory.supplier().setStock("CJ-B-V1", 0);
    long before = tb.product(productB.id()).variants().get(0).onHand();
    fx.deliver(a, CjPayloads.stock("m-a-x", "CJ-B-V1", 0));
    fx.deliver(a, CjPayloads.order("m-a-o", supplierOrderB.reference(), "1700000000000000001", "DELIVERED", "T",
        fx.clock.instant().plusSeconds(5)));
    fx.runDue();
    assertThat(ta.webhookLog("m-a-x").outcome()).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(ta.webhookLog("m-a-o").outcome()).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(tb.product(productB.id()).variants().get(0).onHand()).isEqualTo(before);
    assertThat(tb.order(OrderId.of("B-1001")).status()).isEqualTo(OrderStatus.PROCESSING);
  }

  @Test
  void alertsSecretsAndHealthStayWithinTheTenant() {
    assertThat(tb.openStockAlerts()).isNotEmpty();
    assertThat(ta.openStockAlerts()).isEmpty();
    assertThat(ta.stockAlerts(Instant.EPOCH, FAR)).isEmpty();
    ta.setCjCredentials(dev.dropsync.automation.Secret.of("new-a-key"), null);
    assertThat(fx.secrets.get(b, SecretName.CJ_API_KEY).orElseThrow().reveal()).isEqualTo(AutomationFixture.apiKey(b));
    assertThat(ta.secretNames()).containsExactly(SecretName.CJ_API_KEY, SecretName.CJ_OPEN_ID);
    AutomationHealth healthA = ta.health(Instant.EPOCH, FAR);
    assertThat(healthA.tasks().values()).allSatisfy(h -> assertThat(h.taskType()).isNotNull());
    long tasksOfA = ta.tasks().size();
    long counted = healthA.tasks().values().stream()
        .mapToLong(h -> h.completed() + h.failed() + h.cancelled() + h.pending() + h.running()).sum();
    assertThat(counted).isEqualTo(tasksOfA);
  }

  @Test
  void anUnknownTenantHasNoView() {
    notFound(() -> fx.automation.tenant(TenantId.of("shop-z")), "tenantId", "shop-z");
  }

  @Test
  void submittedTasksAlwaysRunAsTheirOwner() {
    AutomationTask t = ta.submit(TaskRequest.builder().type(TaskTypes.WEBHOOK_PROCESS).owner("shop-a")
        .payload(Map.of(TaskTypes.MESSAGE_ID, messageB)).build());
    fx.runDue();
    assertThat(ta.task(t.id()).status()).isEqualTo(TaskStatus.FAILED);
    assertThat(ta.task(t.id()).lastError()).contains("shop-a").contains(messageB);
    assertThat(tb.webhookLog(messageB).processed()).isTrue(); // processed once, by B's own task
  }
}

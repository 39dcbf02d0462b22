package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.internal.Keys;
import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.automation.testing.CjPayloads;
import dev.dropsync.cj.CjWebhooks;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.inventory.LedgerEntry;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.testing.InventoryFixture;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook endpoint and {@code webhook_process}, with CJ-signed payloads for every topic. */
class WebhookEndpointTest {
  private static final Instant FAR = Instant.parse("2026-06-01T00:00:00Z");
  private final AutomationFixture fx = new AutomationFixture();
  private final TenantId shop = TenantId.of("shop-1");
  private final TenantAutomation t = fx.onboard("shop-1", Plan.PREMIUM);
  private final Product mug = fx.product(shop, "CJ-MUG", 10, "4.20");

  private long onHand() {
    return t.product(mug.id()).variants().get(0).onHand();
  }

  private List<AutomationTask> webhookTasks() {
    return t.tasks().stream().filter(x -> x.type().equals(TaskTypes.WEBHOOK_PROCESS)).toList();
  }

  static String taskId(WebhookAck ack) {
    String id = ack.taskId();
    assertThat(id).as("task id of %s", ack).isNotNull();
    return java.util.Objects.requireNonNull(id);
  }

  private List<WebhookLog> log() {
    return t.webhookLogs(Instant.EPOCH, FAR, null, 1000);
  }

  private SupplierOrder placedOrder(String orderId) {
    fx.order(shop, orderId, mug, 1);
    t.fulfill(OrderId.of(orderId));
    fx.runDue();
    return t.supplierOrders(OrderId.of(orderId)).get(0);
  }

  // ------------------------------------------------------------------ catalog topics

  @Test
  void aStockMessageIsAnsweredAtOnceThenTheSupplierIsReRead() {
    fx.inventory.supplier().setStock("CJ-MUG-V1", 3);
    byte[] body = CjPayloads.stock("m-stock-1", "CJ-MUG-V1", 999);

    WebhookAck ack = fx.deliver(shop, body);

    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.body()).isEqualTo("{\"code\":200,\"result\":\"success\",\"message\":\"ok\"}");
    assertThat(ack.contentType()).isEqualTo("application/json");
    assertThat(ack.disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    assertThat(ack.messageId()).isEqualTo("m-stock-1");
    WebhookLog queued = t.webhookLog("m-stock-1");
    assertThat(queued.verified()).isTrue();
    assertThat(queued.processed()).isFalse();
    assertThat(queued.outcome()).isEqualTo(WebhookOutcome.QUEUED);
    assertThat(queued.type()).isEqualTo("STOCK");
    assertThat(queued.messageType()).isEqualTo("UPDATE");
    assertThat(queued.receivedAt()).isEqualTo(fx.clock.instant());
    assertThat(queued.taskId()).isEqualTo(ack.taskId());
    assertThat(queued.body()).isEqualTo(new String(body, StandardCharsets.UTF_8));
    assertThat(onHand()).isEqualTo(10); // nothing processed inline
    AutomationTask task = t.task(taskId(ack));
    assertThat(task.instanceKey()).isEqualTo("webhook_process:shop-1:m-stock-1");

    fx.runDue();

    assertThat(onHand()).isEqualTo(3); // the supplier's current level, not the message's 999
    WebhookLog done = t.webhookLog("m-stock-1");
    assertThat(done.processed()).isTrue();
    assertThat(done.outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(done.detail()).contains(mug.id().value()).contains("UPDATED");
    assertThat(done.processedAt()).isNotNull();
    assertThat(t.task(taskId(ack)).status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(fx.inventory.engine().ledger(shop, mug.variants().get(0).id())).extracting(LedgerEntry::ref)
        .contains("webhook:m-stock-1");
  }

  @Test
  void variantMessagesFindTheProductByVariantOrByProductId() {
    fx.inventory.supplier().setStock("CJ-MUG-V1", 4);
    fx.deliver(shop, CjPayloads.variant("m-var-1", "CJ-MUG-V1", null, "4.99"));
    fx.runDue();
    assertThat(t.webhookLog("m-var-1").outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(onHand()).isEqualTo(4);

    fx.inventory.supplier().setStock("CJ-MUG-V1", 5);
    fx.deliver(shop, CjPayloads.variant("m-var-2", "NEW-VARIANT-OF-MUG", "CJ-MUG", "4.99"));
    fx.runDue();
    assertThat(t.webhookLog("m-var-2").outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(onHand()).isEqualTo(5);
  }

  @Test
  void productMessagesReReadTheProduct() {
    fx.inventory.supplier().setStock("CJ-MUG-V1", 0);
    fx.deliver(shop, CjPayloads.product("m-prod-1", "CJ-MUG", 2));
    fx.runDue();
    assertThat(t.webhookLog("m-prod-1").outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(onHand()).isZero();
  }

  @Test
  void messagesForProductsTheTenantDoesNotHaveAreIgnoredNotFailed() {
    fx.deliver(shop, CjPayloads.stock("m-x1", "SOMEONE-ELSES-VID", 5));
    fx.deliver(shop, CjPayloads.product("m-x2", "SOMEONE-ELSES-PID", 3));
    fx.runDue();
    assertThat(t.webhookLog("m-x1").outcome()).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(t.webhookLog("m-x1").detail()).contains("SOMEONE-ELSES-VID");
    assertThat(t.webhookLog("m-x2").outcome()).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(webhookTasks()).allSatisfy(x -> assertThat(x.status()).isEqualTo(TaskStatus.COMPLETED));
  }

  // ------------------------------------------------------------------ order topics

  @Test
  void orderUpdatesApplyInOrderAndALateOlderOneNeverMovesTheOrderBack() {
    SupplierOrder so = placedOrder("1001");
    Instant t0 = fx.clock.instant();

    fx.deliver(shop, CjPayloads.order("m-o-shipped", so.reference(), "1700000000000000001", "SHIPPED", "TRK-1",
        t0.plus(Duration.ofHours(5))));
    fx.runDue();
    assertThat(t.webhookLog("m-o-shipped").outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(t.order(OrderId.of("1001")).status()).isEqualTo(OrderStatus.SHIPPED);
    SupplierOrder shipped = t.supplierOrders(OrderId.of("1001")).get(0);
    assertThat(shipped.status()).isEqualTo(SupplierOrderStatus.SHIPPED);
    assertThat(shipped.tracking().trackingNumber()).isEqualTo("TRK-1");
    assertThat(shipped.tracking().carrier()).isEqualTo("CJPacket Ordinary");

    // the older "paid" update arrives late (CJ delivers unordered)
    fx.deliver(shop, CjPayloads.order("m-o-paid", so.reference(), "1700000000000000001", "UNSHIPPED", null,
        t0.plus(Duration.ofHours(1))));
    fx.runDue();
    assertThat(t.webhookLog("m-o-paid").outcome()).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(t.webhookLog("m-o-paid").detail()).contains("stale");
    assertThat(t.supplierOrders(OrderId.of("1001")).get(0).status()).isEqualTo(SupplierOrderStatus.SHIPPED);

    fx.deliver(shop, CjPayloads.order("m-o-delivered", so.reference(), "1700000000000000001", "DELIVERED", "TRK-1",
        t0.plus(Duration.ofDays(9))));
    fx.runDue();
    assertThat(t.order(OrderId.of("1001")).status()).isEqualTo(OrderStatus.DELIVERED);

    // a newer-looking SHIPPED after DELIVERED is backwards: never applied
    fx.deliver(shop, CjPayloads.order("m-o-again", so.reference(), "1700000000000000001", "SHIPPED", "TRK-1",
        t0.plus(Duration.ofDays(10))));
    fx.runDue();
    assertThat(t.webhookLog("m-o-again").outcome()).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(t.order(OrderId.of("1001")).status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(t.supplierOrders(OrderId.of("1001")).get(0).status()).isEqualTo(SupplierOrderStatus.DELIVERED);
  }

  @Test
  void anOrderStatusCjDoesNotDocumentIsPolledInstead() {
    SupplierOrder so = placedOrder("1002");
    fx.suppliers.advance(shop, "cj", so.reference(), SupplierOrderStatus.IN_PROGRESS, null, null);
    fx.deliver(shop, CjPayloads.order("m-o-odd", so.reference(), "1700000000000000002", "PROCESSING_WAREHOUSE", null,
        fx.clock.instant()));
    fx.runDue();
    assertThat(t.webhookLog("m-o-odd").outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(t.webhookLog("m-o-odd").detail()).contains("polled");
    assertThat(t.supplierOrders(OrderId.of("1002")).get(0).status()).isEqualTo(SupplierOrderStatus.IN_PROGRESS);
  }

  @Test
  void logisticMessagesFindTheSupplierOrderByTrackingNumberOrCjOrderIdAndPollIt() {
    SupplierOrder so = placedOrder("1003");
    fx.deliver(shop, CjPayloads.order("m-o1", so.reference(), "1700000000000000003", "SHIPPED", "TRK-3",
        fx.clock.instant().plusSeconds(60)));
    fx.runDue();
    fx.clock.advance(Duration.ofDays(8));
    fx.suppliers.advance(shop, "cj", so.reference(), SupplierOrderStatus.DELIVERED, null, null);

    // CJ's internal order id is not the one stored at placement; the tracking number matches
    fx.deliver(shop, CjPayloads.logistic("m-l1", "1799999999999999999", "TRK-3", 12, fx.clock.instant()));
    fx.runDue();
    assertThat(t.webhookLog("m-l1").outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(t.order(OrderId.of("1003")).status()).isEqualTo(OrderStatus.DELIVERED);

    SupplierOrder other = placedOrder("1004");
    assertThat(other.supplierOrderId()).isNotNull();
    fx.suppliers.advance(shop, "cj", other.reference(), SupplierOrderStatus.IN_PROGRESS, null, null);
    fx.deliver(shop, CjPayloads.logistic("m-l2", "9", "UNKNOWN-TRACKING", 1, fx.clock.instant()));
    fx.deliver(shop, CjPayloads.orderSplit("m-split", "0", fx.clock.instant()));
    fx.runDue();
    assertThat(t.webhookLog("m-l2").outcome()).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(t.webhookLog("m-split").outcome()).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(t.supplierOrders(OrderId.of("1004")).get(0).status()).isEqualTo(SupplierOrderStatus.SUBMITTED);

    // an id CJ knows the order by (here the one stored at placement) also routes the message
    fx.deliver(shop, CjPayloads.orderSplit("m-split-2", other.supplierOrderId(), fx.clock.instant()));
    fx.runDue();
    assertThat(t.webhookLog("m-split-2").outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(t.supplierOrders(OrderId.of("1004")).get(0).status()).isEqualTo(SupplierOrderStatus.IN_PROGRESS);
  }

  @Test
  void messagesForOrdersTheTenantDoesNotHaveAreIgnored() {
    fx.deliver(shop, CjPayloads.order("m-o-x", "9999-1", "1700000000000000009", "SHIPPED", "T", fx.clock.instant()));
    fx.runDue();
    assertThat(t.webhookLog("m-o-x").outcome()).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(t.webhookLog("m-o-x").detail()).contains("no supplier order 9999-1");
  }

  // ------------------------------------------------------------------ dedupe and refusal

  @Test
  void aDuplicateGets200AndHasNoEffect() {
    fx.inventory.supplier().setStock("CJ-MUG-V1", 7);
    byte[] body = CjPayloads.stock("m-dup", "CJ-MUG-V1", 7);
    WebhookAck first = fx.deliver(shop, body);
    WebhookAck second = fx.deliver(shop, body);
    WebhookAck third = fx.deliver(shop, body);

    assertThat(first.disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    assertThat(List.of(second, third)).allSatisfy(a -> {
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.disposition()).isEqualTo(WebhookDisposition.DUPLICATE);
      assertThat(a.taskId()).isEqualTo(first.taskId());
    });
    assertThat(log()).singleElement().satisfies(e -> {
      assertThat(e.duplicates()).isEqualTo(2);
      assertThat(e.duplicate()).isTrue();
    });
    assertThat(webhookTasks()).hasSize(1);
    fx.runDue();
    List<LedgerEntry> ledger = fx.inventory.engine().ledger(shop, mug.variants().get(0).id());

    fx.inventory.supplier().setStock("CJ-MUG-V1", 1);
    WebhookAck late = fx.deliver(shop, body);
    assertThat(late.disposition()).isEqualTo(WebhookDisposition.DUPLICATE);
    assertThat(late.taskId()).isNull();
    assertThat(fx.runDue()).isZero();
    assertThat(onHand()).isEqualTo(7);
    assertThat(fx.inventory.engine().ledger(shop, mug.variants().get(0).id())).isEqualTo(ledger);
    assertThat(t.webhookLog("m-dup").duplicates()).isEqualTo(3);
    assertThat(webhookTasks()).hasSize(1);
  }

  @Test
  void aForgedOrTamperedSignatureIsLoggedAndRefusedAndQueuesNothing() {
    byte[] genuine = CjPayloads.stock("m-forged", "CJ-MUG-V1", 0);
    WebhookAck forged = fx.automation.webhooks().receive(shop, genuine, CjPayloads.headers(genuine, "123456789"));
    byte[] tampered = new String(genuine, StandardCharsets.UTF_8).replace("\"storageNum\":0", "\"storageNum\":1")
        .getBytes(StandardCharsets.UTF_8);
    WebhookAck tamper = fx.automation.webhooks().receive(shop, tampered,
        Map.of("sign", CjWebhooks.signature(genuine, AutomationFixture.openId(shop))));
    WebhookAck missing = fx.automation.webhooks().receive(shop, genuine, Map.of("Content-Type", "application/json"));
    WebhookAck garbage = fx.automation.webhooks().receive(shop, genuine, "not base64 !!");

    assertThat(List.of(forged, tamper, missing, garbage)).allSatisfy(a -> {
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.disposition()).isEqualTo(WebhookDisposition.REJECTED);
      assertThat(a.taskId()).isNull();
      assertThat(a.body()).contains("\"code\":401");
    });
    List<WebhookLog> log = log();
    assertThat(log).hasSize(4).allSatisfy(e -> {
      assertThat(e.verified()).isFalse();
      assertThat(e.processed()).isFalse();
      assertThat(e.outcome()).isEqualTo(WebhookOutcome.REJECTED);
      assertThat(e.messageId()).isNull();
      assertThat(e.body()).isNull();
      assertThat(e.logId()).startsWith(WebhookLog.UNVERIFIED_PREFIX);
      assertThat(e.detail()).doesNotContain(AutomationFixture.openId(shop));
    });
    assertThat(log).extracting(WebhookLog::detail).contains("webhook sign header is missing");
    assertThat(webhookTasks()).isEmpty();
    assertThat(fx.runDue()).isZero();
    assertThat(onHand()).isEqualTo(10);

    // a forged delivery never blocks the genuine message with the same id
    assertThat(fx.deliver(shop, genuine).disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
  }

  @Test
  void theSignHeaderNameIsCaseInsensitive() {
    byte[] body = CjPayloads.stock("m-case", "CJ-MUG-V1", 1);
    WebhookAck ack = fx.automation.webhooks().receive(shop, body,
        Map.of("SIGN", CjWebhooks.signature(body, AutomationFixture.openId(shop))));
    assertThat(ack.disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
  }

  @Test
  void anUnknownTenantGets404AndNothingIsLogged() {
    byte[] body = CjPayloads.stock("m-ghost", "CJ-MUG-V1", 1);
    WebhookAck ack = fx.automation.webhooks().receive(TenantId.of("ghost"), body, CjPayloads.headers(body, "1"));
    assertThat(ack.status()).isEqualTo(404);
    assertThat(ack.disposition()).isEqualTo(WebhookDisposition.UNKNOWN_TENANT);
    assertThat(fx.webhookLogs.list(TenantId.of("ghost"), Instant.EPOCH, FAR, null, 10)).isEmpty();
  }

  @Test
  void aTenantWithoutAnOpenIdCannotBeVerifiedAndIsRefused() {
    TenantId bare = TenantId.of("bare");
    fx.automation.onboard(TenantOnboarding.builder().tenant(Tenant.of(bare, Plan.PREMIUM, InventoryFixture.USD)).build());
    byte[] body = CjPayloads.stock("m-bare", "CJ-MUG-V1", 1);
    WebhookAck ack = fx.automation.webhooks().receive(bare, body, CjPayloads.headers(body, "1"));
    assertThat(ack.status()).isEqualTo(401);
    assertThat(fx.automation.tenant(bare).webhookLogs(Instant.EPOCH, FAR, null, 10)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("no CJ openId"));
  }

  @Test
  void probesAndUnhandledTopicsAreAcknowledgedAndIgnored() {
    WebhookAck probe = fx.deliver(shop, CjPayloads.probe());
    WebhookAck sourcing = fx.deliver(shop, CjPayloads.other("m-src", "SOURCINGCREATE"));
    assertThat(List.of(probe, sourcing)).allSatisfy(a -> {
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.disposition()).isEqualTo(WebhookDisposition.IGNORED);
      assertThat(a.taskId()).isNull();
    });
    assertThat(t.webhookLog("probe").detail()).isEqualTo("registration probe");
    assertThat(t.webhookLog("m-src").detail()).contains("SOURCINGCREATE");
    assertThat(t.webhookLog("m-src").processed()).isTrue();
    assertThat(webhookTasks()).isEmpty();
  }

  @Test
  void aMessageWithoutIdIsDedupedByItsContent() {
    byte[] body = "{\"type\":\"STOCK\",\"messageType\":\"UPDATE\",\"params\":{\"CJ-MUG-V1\":[{\"vid\":\"CJ-MUG-V1\",\"storageNum\":2}]}}"
        .getBytes(StandardCharsets.UTF_8);
    WebhookAck first = fx.deliver(shop, body);
    WebhookAck again = fx.deliver(shop, body);
    assertThat(first.disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    assertThat(first.messageId()).startsWith("sha256:").hasSize(7 + 64);
    assertThat(again.disposition()).isEqualTo(WebhookDisposition.DUPLICATE);
    assertThat(again.messageId()).isEqualTo(first.messageId());
  }

  @Test
  void anOversizedBodyIsRefusedWith413() {
    AutomationFixture small = new AutomationFixture(b -> b.maxWebhookBodyBytes(1024));
    small.onboard("shop-1", Plan.PREMIUM);
    byte[] big = CjPayloads.other("m-big", "X" + "Y".repeat(2000));
    WebhookAck ack = small.deliver(shop, big);
    assertThat(ack.status()).isEqualTo(413);
    assertThat(ack.disposition()).isEqualTo(WebhookDisposition.REJECTED);
    assertThat(small.automation.tenant(shop).webhookLogs(Instant.EPOCH, FAR, null, 10)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("exceeds the limit of 1024"));
  }

  @Test
  void whenEveryAttemptFailsTheMessageEndsFailed() {
    fx.inventory.supplier().failReadsOf("CJ-MUG", "supplier is down");
    WebhookAck ack = fx.deliver(shop, CjPayloads.stock("m-fail", "CJ-MUG-V1", 1));
    for (int i = 0; i < 10; i++) {
      fx.advanceAndRun(Duration.ofMinutes(1));
    }
    assertThat(t.task(taskId(ack)).status()).isEqualTo(TaskStatus.FAILED);
    WebhookLog e = t.webhookLog("m-fail");
    assertThat(e.processed()).isTrue();
    assertThat(e.outcome()).isEqualTo(WebhookOutcome.FAILED);
    assertThat(e.detail()).contains("supplier is down");
  }

  @Test
  void aProcessedMessageIsNotProcessedAgainWhenItsTaskRunsTwice() {
    fx.inventory.supplier().setStock("CJ-MUG-V1", 6);
    WebhookAck ack = fx.deliver(shop, CjPayloads.stock("m-twice", "CJ-MUG-V1", 6));
    fx.runDue();
    WebhookLog processed = t.webhookLog("m-twice");
    fx.inventory.supplier().setStock("CJ-MUG-V1", 2);
    // the at-least-once case: the same work delivered again as another task
    t.submit(dev.dropsync.scheduler.TaskRequest.builder().type(TaskTypes.WEBHOOK_PROCESS).owner("shop-1")
        .payload(Map.of(TaskTypes.MESSAGE_ID, "m-twice")).build());
    fx.runDue();
    assertThat(t.webhookLog("m-twice")).isEqualTo(processed);
    assertThat(onHand()).isEqualTo(6);
    assertThat(Keys.task(TaskTypes.WEBHOOK_PROCESS, shop, "m-twice")).isEqualTo(t.task(taskId(ack)).instanceKey());
  }
}

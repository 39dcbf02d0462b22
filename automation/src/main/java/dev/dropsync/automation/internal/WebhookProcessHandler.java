package dev.dropsync.automation.internal;

import dev.dropsync.automation.TaskTypes;
import dev.dropsync.automation.WebhookLog;
import dev.dropsync.automation.WebhookOutcome;
import dev.dropsync.cj.CjWebhookSignatureException;
import dev.dropsync.cj.CjWebhooks;
import dev.dropsync.cj.model.WebhookMessage;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.SupplierUpdate;
import dev.dropsync.fulfillment.UpdateOutcome;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.SyncItemOutcome;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.NonRetryableTaskException;
import dev.dropsync.scheduler.SchedulerListener;
import dev.dropsync.scheduler.TaskContext;
import dev.dropsync.scheduler.TaskHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code webhook_process}: applies one logged, verified CJ message.
 *
 * <ul>
 *   <li>STOCK, VARIANT, PRODUCT: the affected products (found by CJ variant id or product id) are
 *       re-read from the supplier with {@code InventorySync.syncNow}; the message's own numbers are
 *       never trusted (retries resend old snapshots).
 *   <li>ORDER: the order number is our supplier-order reference. A status CJ documents is applied
 *       with {@code applySupplierUpdate} as of the message's {@code updateDate}, so an older update
 *       arriving late is STALE and never moves the order backwards; anything else is polled.
 *   <li>LOGISTIC, ORDERSPLIT: the supplier order is found by CJ's order id or the tracking number and
 *       polled.
 * </ul>
 *
 * Messages for products or orders the tenant does not have end IGNORED, not FAILED. Idempotent: a
 * processed message is not processed again, and re-applying is harmless (re-reads; the engine drops a
 * seen message id). The last failing attempt marks the message FAILED.
 */
public final class WebhookProcessHandler implements TaskHandler {
  private final Context ctx;

  public WebhookProcessHandler(Context ctx) {
    this.ctx = ctx;
  }

  /** The outcome of applying a message. */
  private record Result(WebhookOutcome outcome, String detail) {}

  @Override
  public void handle(TaskContext task) {
    TenantId tenant = Context.tenantOf(task.task());
    String messageId = task.payload().get(TaskTypes.MESSAGE_ID);
    if (messageId == null) {
      throw new NonRetryableTaskException("webhook_process task " + task.task().id() + " has no messageId");
    }
    Optional<WebhookLog> found = ctx.webhookLogs.find(tenant, messageId);
    if (found.isEmpty() || !found.get().verified()) {
      throw new NonRetryableTaskException("tenant \"" + tenant + "\" has no verified webhook message \"" + messageId + "\"");
    }
    WebhookLog entry = found.get();
    if (entry.processed()) {
      return;
    }
    Result result;
    try {
      result = apply(tenant, entry);
    } catch (NonRetryableTaskException e) {
      finish(tenant, messageId, WebhookOutcome.FAILED, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      if (task.task().retryCount() >= task.task().maxRetries()) {
        finish(tenant, messageId, WebhookOutcome.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      throw e;
    }
    finish(tenant, messageId, result.outcome(), result.detail());
  }

  /**
   * Marks the message FAILED when the scheduler gives its task up for good in a way the handler
   * cannot see itself (the last attempt timed out or lost its claim). Registered with {@code
   * Scheduler.Builder#addListener}; a message already marked stays as it is (first mark wins).
   */
  public SchedulerListener failureListener() {
    return new SchedulerListener() {
      @Override
      public void onFailed(AutomationTask task, Throwable error) {
        if (!task.type().equals(TaskTypes.WEBHOOK_PROCESS)) {
          return;
        }
        String messageId = task.payload().get(TaskTypes.MESSAGE_ID);
        if (messageId != null) {
          finish(Context.tenantOf(task), messageId, WebhookOutcome.FAILED,
              "task " + task.id() + " failed: " + error.getClass().getSimpleName() + ": " + error.getMessage());
        }
      }
    };
  }

  private void finish(TenantId tenant, String messageId, WebhookOutcome outcome, @Nullable String detail) {
    String d = detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail;
    if (ctx.webhookLogs.markProcessed(tenant, messageId, outcome, d, ctx.clock.instant())) {
      ctx.webhookLogs.find(tenant, messageId).ifPresent(e -> ctx.notify(l -> l.onWebhookProcessed(e)));
    }
  }

  private Result apply(TenantId tenant, WebhookLog entry) {
    String body = entry.body();
    if (body == null) {
      throw new NonRetryableTaskException("webhook message \"" + entry.logId() + "\" has no stored body");
    }
    WebhookMessage message;
    try {
      message = CjWebhooks.parse(body.getBytes(StandardCharsets.UTF_8));
    } catch (CjWebhookSignatureException e) {
      return new Result(WebhookOutcome.IGNORED, "unusable body: " + e.getMessage());
    }
    String ref = "webhook:" + entry.logId();
    if (message instanceof WebhookMessage.Stock s) {
      Set<Product> products = new LinkedHashSet<>();
      for (String vid : s.byVid().keySet()) {
        ctx.inventory.store().findProductBySupplierVariant(tenant, ctx.cjSupplierId, vid).ifPresent(products::add);
      }
      return resync(tenant, products, ref, "variants " + s.byVid().keySet());
    }
    if (message instanceof WebhookMessage.Variant v) {
      Set<Product> products = new LinkedHashSet<>();
      ctx.inventory.store().findProductBySupplierVariant(tenant, ctx.cjSupplierId, v.vid()).ifPresent(products::add);
      String pid = v.pid();
      if (products.isEmpty() && pid != null) {
        ctx.inventory.store().findProductBySupplierId(tenant, ctx.cjSupplierId, pid).ifPresent(products::add);
      }
      return resync(tenant, products, ref, "variant " + v.vid());
    }
    if (message instanceof WebhookMessage.Product p) {
      Set<Product> products = new LinkedHashSet<>();
      ctx.inventory.store().findProductBySupplierId(tenant, ctx.cjSupplierId, p.pid()).ifPresent(products::add);
      return resync(tenant, products, ref, "product " + p.pid());
    }
    if (message instanceof WebhookMessage.Order o) {
      return order(tenant, o, entry.logId());
    }
    if (message instanceof WebhookMessage.Logistic l) {
      List<String> ids = new ArrayList<>();
      if (l.orderId() != null) {
        ids.add(l.orderId());
      }
      if (l.trackingNumber() != null) {
        ids.add(l.trackingNumber());
      }
      return poll(tenant, ids, "CJ order " + l.orderId() + " / tracking " + l.trackingNumber());
    }
    if (message instanceof WebhookMessage.OrderSplit split) {
      List<String> ids = new ArrayList<>();
      if (split.originalOrderId() != null) {
        ids.add(split.originalOrderId());
      }
      return poll(tenant, ids, "split CJ order " + split.originalOrderId());
    }
    return new Result(WebhookOutcome.IGNORED, "topic not handled");
  }

  private Result resync(TenantId tenant, Set<Product> products, String ref, String what) {
    if (products.isEmpty()) {
      return new Result(WebhookOutcome.IGNORED, "no product of the tenant matches " + what);
    }
    Map<String, SyncItemOutcome> outcomes = new LinkedHashMap<>();
    for (Product p : products) {
      try {
        outcomes.put(p.id().value(), ctx.inventory.sync().syncNow(tenant, p.id(), ref));
      } catch (NotFoundException e) {
        outcomes.put(p.id().value(), SyncItemOutcome.FAILED); // deleted meanwhile
      }
    }
    return new Result(WebhookOutcome.APPLIED, "re-read " + outcomes);
  }

  private Result order(TenantId tenant, WebhookMessage.Order o, String messageId) {
    String reference = o.orderNumber();
    if (reference == null || reference.isBlank()) {
      return new Result(WebhookOutcome.IGNORED, "ORDER message without orderNumber");
    }
    Optional<SupplierOrder> so = ctx.fulfillment.findSupplierOrder(tenant, reference);
    if (so.isEmpty()) {
      return new Result(WebhookOutcome.IGNORED, "no supplier order " + reference);
    }
    if (!so.get().supplierId().equals(ctx.cjSupplierId)) {
      return new Result(WebhookOutcome.IGNORED, "supplier order " + reference + " is placed with "
          + so.get().supplierId() + ", not " + ctx.cjSupplierId);
    }
    SupplierOrderStatus status = statusOf(o.orderStatus());
    if (status == null || o.updatedAt() == null) {
      return polled(tenant, reference);
    }
    SupplierUpdate update = SupplierUpdate.builder().reference(reference).status(status)
        .supplierOrderId(o.cjOrderId()).trackingNumber(o.trackNumber()).carrier(o.logisticName())
        .trackingUrl(o.trackingUrl()).asOf(o.updatedAt()).source(SupplierUpdate.Source.WEBHOOK)
        .messageId(messageId).build();
    UpdateOutcome outcome;
    try {
      outcome = ctx.fulfillment.applySupplierUpdate(tenant, update);
    } catch (NotFoundException e) {
      return new Result(WebhookOutcome.IGNORED, "no supplier order " + reference);
    }
    return switch (outcome) {
      case APPLIED -> new Result(WebhookOutcome.APPLIED, reference + " " + status + " as of " + o.updatedAt());
      case DUPLICATE -> new Result(WebhookOutcome.IGNORED, reference + " " + status + ": already applied");
      case STALE -> new Result(WebhookOutcome.IGNORED, reference + " " + status + " as of " + o.updatedAt()
          + ": stale (older than the last applied update or backwards)");
    };
  }

  private Result poll(TenantId tenant, List<String> externalIds, String what) {
    Set<String> references = new LinkedHashSet<>();
    for (String id : externalIds) {
      for (SupplierOrder so : ctx.fulfillment.findSupplierOrdersByExternalId(tenant, ctx.cjSupplierId, id)) {
        references.add(so.reference());
      }
    }
    if (references.isEmpty()) {
      return new Result(WebhookOutcome.IGNORED, "no supplier order matches " + what);
    }
    List<String> done = new ArrayList<>();
    for (String reference : references) {
      done.add(polled(tenant, reference).detail());
    }
    return new Result(WebhookOutcome.APPLIED, String.join("; ", done));
  }

  private Result polled(TenantId tenant, String reference) {
    try {
      UpdateOutcome outcome = ctx.fulfillment.pollSupplierOrder(tenant, reference);
      return new Result(WebhookOutcome.APPLIED, "polled " + reference + ": " + outcome);
    } catch (NotFoundException e) {
      return new Result(WebhookOutcome.IGNORED, "supplier order " + reference + " unknown: " + e.getMessage());
    }
  }

  /** CJ order statuses (cj-api.md §5) mapped to ours; null when CJ's status is not one we map. */
  static @Nullable SupplierOrderStatus statusOf(@Nullable String cjStatus) {
    if (cjStatus == null) {
      return null;
    }
    return switch (cjStatus.trim().toUpperCase(Locale.ROOT)) {
      case "CREATED", "IN_CART", "UNPAID" -> SupplierOrderStatus.SUBMITTED;
      case "UNSHIPPED" -> SupplierOrderStatus.ACCEPTED;
      case "SHIPPED" -> SupplierOrderStatus.SHIPPED;
      case "DELIVERED" -> SupplierOrderStatus.DELIVERED;
      case "CANCELLED" -> SupplierOrderStatus.CANCELLED;
      default -> null;
    };
  }
}

package dev.dropsync.automation;

import dev.dropsync.automation.internal.Context;
import dev.dropsync.automation.internal.Keys;
import dev.dropsync.automation.spi.WebhookLogCursor;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.UpdateOutcome;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.ScheduleRequest;
import dev.dropsync.scheduler.Scheduler;
import dev.dropsync.scheduler.TaskPriority;
import dev.dropsync.scheduler.TaskRequest;
import dev.dropsync.scheduler.TaskStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's view of the automation, from {@link Automation#tenant} or {@link
 * Automation#onboard}. Every method is scoped to this tenant: ids of another tenant's products,
 * orders, supplier orders, tasks, schedules or webhook messages are refused with {@link
 * NotFoundException} (naming the field and id, exactly as for an id that does not exist) and
 * change nothing. Ownership is checked before every call that the scheduler itself does not scope
 * ({@code cancel}, {@code pause}, {@code resume}, {@code runNow}, {@code deleteSchedule}).
 *
 * <p>Immutable and thread-safe; cheap to create.
 *
 * @since 0.1.0
 */
public final class TenantAutomation {
  private static final int PAGE = 500;

  private final Automation automation;
  private final Context ctx;
  private final Scheduler scheduler;
  private final TenantId tenant;

  TenantAutomation(Automation automation, TenantId tenant) {
    this.automation = automation;
    this.ctx = automation.context();
    this.scheduler = automation.scheduler();
    this.tenant = tenant;
  }

  /**
   * Returns the tenant's id.
   *
   * @return the id
   * @since 0.1.0
   */
  public TenantId id() {
    return tenant;
  }

  /**
   * Returns the tenant as the inventory engine holds it (plan, currency, stock defaults).
   *
   * @return the tenant
   * @throws NotFoundException if it was removed meanwhile
   * @since 0.1.0
   */
  public Tenant tenant() {
    return ctx.inventory.tenant(tenant);
  }

  // ------------------------------------------------------------------ plan and credentials

  /**
   * Moves the tenant to another plan (limits as the inventory engine's plan policy says) and
   * re-applies the plan's default schedules: matching ones are kept, others replaced, none
   * duplicated; a paused default schedule stays paused.
   *
   * @param plan the new plan
   * @return the tenant's default schedules afterwards
   * @throws InvalidInputException if the plan policy does not know the plan (nothing changes)
   * @throws dev.dropsync.scheduler.UnknownTaskTypeException if a template of the new plan names a
   *     task type without handler (nothing changes)
   * @since 0.1.0
   */
  public List<Schedule> changePlan(Plan plan) {
    Objects.requireNonNull(plan, "plan");
    ctx.inventory.planPolicy().activeProductLimit(plan); // refuses an unknown plan before anything changes
    List<Schedule> schedules = automation.scheduleSync().apply(tenant, plan);
    ctx.inventory.changePlan(tenant, plan);
    return schedules;
  }

  /**
   * Re-applies the plan's default schedules (e.g. after the policy or the tenant's zone changed).
   * Idempotent.
   *
   * @return the tenant's default schedules
   * @since 0.1.0
   */
  public List<Schedule> applyDefaultSchedules() {
    return automation.scheduleSync().apply(tenant);
  }

  /**
   * Stores new CJ credentials (a null argument leaves that one unchanged) and drops the tenant's
   * cached CJ client so the next call uses the new key.
   *
   * @param apiKey the CJ API key, or null
   * @param openId the CJ openId (webhook signing key), or null
   * @since 0.1.0
   */
  public void setCjCredentials(@Nullable Secret apiKey, @Nullable Secret openId) {
    if (apiKey != null) {
      ctx.secrets.put(tenant, SecretName.CJ_API_KEY, apiKey);
      automation.invalidateClient(tenant);
    }
    if (openId != null) {
      ctx.secrets.put(tenant, SecretName.CJ_OPEN_ID, openId);
    }
  }

  /**
   * Returns which secrets the tenant has (names only).
   *
   * @return the names
   * @since 0.1.0
   */
  public List<SecretName> secretNames() {
    return ctx.secrets.names(tenant);
  }

  // ------------------------------------------------------------------ products

  /**
   * Returns the tenant's products, by id.
   *
   * @return the products
   * @since 0.1.0
   */
  public List<Product> products() {
    return ctx.inventory.products(tenant);
  }

  /**
   * Returns one of the tenant's products.
   *
   * @param product the id
   * @return the product
   * @throws NotFoundException naming {@code productId} if the tenant has no such product
   * @since 0.1.0
   */
  public Product product(ProductId product) {
    return ctx.inventory.product(tenant, product);
  }

  /**
   * Queues a full catalog sync of the tenant now ({@code inventory_sync}, HIGH priority).
   *
   * @return the task
   * @since 0.1.0
   */
  public AutomationTask syncNow() {
    return submitStandard(TaskTypes.INVENTORY_SYNC, Keys.task(TaskTypes.INVENTORY_SYNC, tenant, "manual", ctx.ids.get()),
        Map.of(), TaskPriority.HIGH);
  }

  /**
   * Queues a sync of one product now ({@code inventory_sync} with a {@code productId}).
   *
   * @param product the product
   * @return the task
   * @throws NotFoundException naming {@code productId} if the tenant has no such product
   * @since 0.1.0
   */
  public AutomationTask syncProduct(ProductId product) {
    Product p = ctx.inventory.product(tenant, product);
    return submitStandard(TaskTypes.INVENTORY_SYNC,
        Keys.task(TaskTypes.INVENTORY_SYNC, tenant, p.supplierId(), p.id().value(), ctx.ids.get()),
        Map.of(TaskTypes.PRODUCT_ID, p.id().value()), TaskPriority.HIGH);
  }

  /**
   * Queues a stock check now ({@code stock_alert}).
   *
   * @return the task
   * @since 0.1.0
   */
  public AutomationTask checkStockNow() {
    return submitStandard(TaskTypes.STOCK_ALERT, Keys.task(TaskTypes.STOCK_ALERT, tenant, "manual", ctx.ids.get()),
        Map.of(), TaskPriority.MEDIUM);
  }

  /**
   * Returns the tenant's open stock alerts, oldest first.
   *
   * @return the alerts
   * @since 0.1.0
   */
  public List<StockAlert> openStockAlerts() {
    return ctx.stockAlerts.openAlerts(tenant);
  }

  /**
   * Returns the tenant's stock alerts opened in {@code [from, to)}, open or closed.
   *
   * @param from inclusive
   * @param to exclusive
   * @return the alerts
   * @throws InvalidInputException if {@code to} is before {@code from}
   * @since 0.1.0
   */
  public List<StockAlert> stockAlerts(Instant from, Instant to) {
    return ctx.stockAlerts.history(tenant, from, to);
  }

  // ------------------------------------------------------------------ orders

  /**
   * Returns one of the tenant's orders.
   *
   * @param order the id
   * @return the order
   * @throws NotFoundException naming {@code orderId} if the tenant has no such order
   * @since 0.1.0
   */
  public Order order(OrderId order) {
    return ctx.fulfillment.getOrder(tenant, Objects.requireNonNull(order, "orderId"));
  }

  /**
   * Returns the supplier orders of one of the tenant's orders.
   *
   * @param order the id
   * @return the supplier orders, by group
   * @throws NotFoundException naming {@code orderId} if the tenant has no such order
   * @since 0.1.0
   */
  public List<SupplierOrder> supplierOrders(OrderId order) {
    return ctx.fulfillment.supplierOrders(tenant, Objects.requireNonNull(order, "orderId"));
  }

  /**
   * Queues the fulfilment of a paid order ({@code order_fulfillment}, HIGH priority) with the
   * idempotency key {@code order_fulfillment:<tenant>:<orderId>}: calling it again returns the same
   * task and never processes the order twice. An order left ON_HOLD or unfinished is resumed by
   * the tenant's scheduled sweep.
   *
   * @param order the order id
   * @return the task
   * @throws NotFoundException naming {@code orderId} if the tenant has no such order
   * @since 0.1.0
   */
  public AutomationTask fulfill(OrderId order) {
    Order o = order(order);
    return submitStandard(TaskTypes.ORDER_FULFILLMENT, Keys.task(TaskTypes.ORDER_FULFILLMENT, tenant, o.id().value()),
        Map.of(TaskTypes.ORDER_ID, o.id().value()), TaskPriority.HIGH);
  }

  /**
   * Polls the supplier for one of the tenant's supplier orders and applies the answer.
   *
   * @param reference the supplier order reference ({@code <orderId>-<group>})
   * @return what the update did
   * @throws NotFoundException naming {@code reference} if the tenant has no such supplier order
   * @since 0.1.0
   */
  public UpdateOutcome pollSupplierOrder(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new InvalidInputException("reference", reference, "must not be blank");
    }
    if (ctx.fulfillment.findSupplierOrder(tenant, reference).isEmpty()) {
      throw new NotFoundException("reference", reference);
    }
    return ctx.fulfillment.pollSupplierOrder(tenant, reference);
  }

  // ------------------------------------------------------------------ tasks

  /**
   * Returns the tenant's tasks, oldest first.
   *
   * @return the tasks
   * @since 0.1.0
   */
  public List<AutomationTask> tasks() {
    return scheduler.store().tasksByOwner(tenant.value());
  }

  /**
   * Returns one of the tenant's tasks.
   *
   * @param taskId the id
   * @return the task
   * @throws NotFoundException naming {@code taskId} if the tenant has no such task
   * @since 0.1.0
   */
  public AutomationTask task(String taskId) {
    return ownTask(taskId);
  }

  /**
   * Cancels one of the tenant's PENDING tasks.
   *
   * @param taskId the id
   * @return false if it is running or finished
   * @throws NotFoundException naming {@code taskId} if the tenant has no such task
   * @since 0.1.0
   */
  public boolean cancelTask(String taskId) {
    ownTask(taskId);
    return scheduler.cancel(taskId);
  }

  /**
   * Queues a task for the tenant (e.g. of your own task type). The request's owner must be this
   * tenant; its instance key, if any, is namespaced as {@code custom:<tenant>:<key>} so it can
   * never collide with another tenant's.
   *
   * @param request the task request
   * @return the task (the existing one for a repeated key)
   * @throws InvalidInputException if the owner is another tenant
   * @throws dev.dropsync.scheduler.UnknownTaskTypeException if no handler is registered for the type
   * @since 0.1.0
   */
  public AutomationTask submit(TaskRequest request) {
    Objects.requireNonNull(request, "request");
    requireOwner(request.owner());
    String key = request.instanceKey();
    TaskRequest scoped = new TaskRequest(request.type(), tenant.value(),
        Keys.customTask(tenant, key != null ? key : ctx.ids.get()), request.payload(), request.priority(),
        request.maxRetries(), request.runAt(), request.timeout());
    return scheduler.submit(scoped);
  }

  private AutomationTask submitStandard(String type, String key, Map<String, String> payload, TaskPriority priority) {
    return scheduler.submit(TaskRequest.builder().type(type).owner(tenant.value()).instanceKey(key)
        .payload(payload).priority(priority).build());
  }

  private AutomationTask ownTask(String taskId) {
    if (taskId == null || taskId.isBlank()) {
      throw new InvalidInputException("taskId", taskId, "must not be blank");
    }
    Optional<AutomationTask> t = scheduler.store().findTask(taskId);
    if (t.isEmpty() || !t.get().owner().equals(tenant.value())) {
      throw new NotFoundException("taskId", taskId);
    }
    return t.get();
  }

  // ------------------------------------------------------------------ schedules

  /**
   * Returns the tenant's schedules (default and added), by id.
   *
   * @return the schedules
   * @since 0.1.0
   */
  public List<Schedule> schedules() {
    return scheduler.store().schedulesByOwner(tenant.value());
  }

  /**
   * Returns one of the tenant's schedules.
   *
   * @param scheduleId the id
   * @return the schedule
   * @throws NotFoundException naming {@code scheduleId} if the tenant has no such schedule
   * @since 0.1.0
   */
  public Schedule schedule(String scheduleId) {
    return ownSchedule(scheduleId);
  }

  /**
   * Adds a schedule of the tenant's own. The owner must be this tenant; an id, if given, is
   * namespaced as {@code custom:<tenant>:<id>}.
   *
   * @param request the schedule request
   * @return the stored schedule
   * @throws InvalidInputException if the owner is another tenant
   * @throws dev.dropsync.scheduler.InvalidSchedulerArgumentException if the tenant already has a
   *     schedule with that id
   * @since 0.1.0
   */
  public Schedule addSchedule(ScheduleRequest request) {
    Objects.requireNonNull(request, "request");
    requireOwner(request.owner());
    String id = request.id();
    ScheduleRequest scoped = new ScheduleRequest(id == null ? null : Keys.customSchedule(tenant, id),
        tenant.value(), request.taskType(), request.recurrence(), request.payload(), request.priority(),
        request.maxRetries(), request.taskTimeout(), request.misfirePolicy(), request.overlapPolicy(),
        request.active());
    return scheduler.schedule(scoped);
  }

  /**
   * Pauses one of the tenant's schedules.
   *
   * @param scheduleId the id
   * @throws NotFoundException naming {@code scheduleId} if the tenant has no such schedule
   * @since 0.1.0
   */
  public void pauseSchedule(String scheduleId) {
    ownSchedule(scheduleId);
    scheduler.pause(scheduleId);
  }

  /**
   * Resumes one of the tenant's schedules from its next fire time.
   *
   * @param scheduleId the id
   * @return the schedule
   * @throws NotFoundException naming {@code scheduleId} if the tenant has no such schedule
   * @since 0.1.0
   */
  public Schedule resumeSchedule(String scheduleId) {
    ownSchedule(scheduleId);
    return scheduler.resume(scheduleId);
  }

  /**
   * Queues one extra run of one of the tenant's schedules now.
   *
   * @param scheduleId the id
   * @return the task
   * @throws NotFoundException naming {@code scheduleId} if the tenant has no such schedule
   * @since 0.1.0
   */
  public AutomationTask runScheduleNow(String scheduleId) {
    ownSchedule(scheduleId);
    return scheduler.runNow(scheduleId);
  }

  /**
   * Deletes one of the tenant's schedules (its tasks stay). A default schedule comes back with the
   * next {@link #applyDefaultSchedules()} or plan change; pause it to keep it off.
   *
   * @param scheduleId the id
   * @throws NotFoundException naming {@code scheduleId} if the tenant has no such schedule
   * @since 0.1.0
   */
  public void deleteSchedule(String scheduleId) {
    ownSchedule(scheduleId);
    scheduler.store().deleteSchedule(scheduleId);
  }

  private Schedule ownSchedule(String scheduleId) {
    if (scheduleId == null || scheduleId.isBlank()) {
      throw new InvalidInputException("scheduleId", scheduleId, "must not be blank");
    }
    Optional<Schedule> s = scheduler.store().findSchedule(scheduleId);
    if (s.isEmpty() || !s.get().owner().equals(tenant.value())) {
      throw new NotFoundException("scheduleId", scheduleId);
    }
    return s.get();
  }

  private void requireOwner(String owner) {
    if (!tenant.value().equals(owner)) {
      throw new InvalidInputException("owner", owner, "must be this view's tenant \"" + tenant + "\"");
    }
  }

  // ------------------------------------------------------------------ webhooks

  /**
   * Handles one CJ webhook delivery for this tenant (see {@link CjWebhookEndpoint}).
   *
   * @param rawBody the exact body bytes
   * @param headers the request headers (the {@code sign} header is read case-insensitively)
   * @return the answer to send
   * @since 0.1.0
   */
  public WebhookAck receiveWebhook(byte[] rawBody, Map<String, String> headers) {
    return automation.webhooks().receive(tenant, rawBody, headers);
  }

  /**
   * Returns one of the tenant's webhook log entries.
   *
   * @param logId the message id (or the generated id of a refused delivery)
   * @return the entry
   * @throws NotFoundException naming {@code messageId} if the tenant has no such entry
   * @since 0.1.0
   */
  public WebhookLog webhookLog(String logId) {
    if (logId == null || logId.isBlank()) {
      throw new InvalidInputException("messageId", logId, "must not be blank");
    }
    return ctx.webhookLogs.find(tenant, logId).orElseThrow(() -> new NotFoundException("messageId", logId));
  }

  /**
   * Returns a page of the tenant's webhook log, received in {@code [from, to)}, oldest first.
   *
   * @param from inclusive
   * @param to exclusive
   * @param after the last entry of the previous page ({@link WebhookLogCursor#after}), or null
   * @param limit 1-1000
   * @return the entries
   * @throws InvalidInputException if the limit is out of range or {@code to} is before {@code from}
   * @since 0.1.0
   */
  public List<WebhookLog> webhookLogs(Instant from, Instant to, @Nullable WebhookLogCursor after, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new InvalidInputException("limit", limit, "must be 1-1000");
    }
    return ctx.webhookLogs.list(tenant, from, to, after, limit);
  }

  // ------------------------------------------------------------------ analytics and health

  /**
   * Snapshots one completed day now, on the calling thread (what {@code analytics_snapshot} does
   * for its day). Idempotent per day: running it again replaces the day's rows.
   *
   * @param day a day before today in the tenant's zone
   * @return what was stored
   * @throws InvalidInputException if the day is not completed yet
   * @since 0.1.0
   */
  public DaySnapshot snapshotDay(LocalDate day) {
    return automation.analyticsHandler().snapshot(tenant, Objects.requireNonNull(day, "day"));
  }

  /**
   * Returns the tenant's automation health: each schedule's uptime (all time), the success rate
   * of each task type over tasks that finished in {@code [from, to)}, the tasks pending and running
   * now, and the webhook deliveries received in the window.
   *
   * @param from inclusive
   * @param to exclusive
   * @return the health
   * @throws InvalidInputException if {@code to} is before {@code from}
   * @since 0.1.0
   */
  public AutomationHealth health(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", to, "must not be before from (" + from + ")");
    }
    List<ScheduleHealth> schedules = new ArrayList<>();
    for (Schedule s : schedules()) {
      long total = s.successCount() + s.failureCount();
      schedules.add(new ScheduleHealth(s.id(), s.taskType(), s.active(), s.successCount(), s.failureCount(),
          total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) s.successCount() / total),
          s.lastRunAt(), s.nextRunAt()));
    }
    schedules.sort(Comparator.comparing(ScheduleHealth::scheduleId));
    Map<String, long[]> counts = new TreeMap<>(); // completed, failed, cancelled, retries, pending, running
    for (AutomationTask t : tasks()) {
      Instant finished = t.finishedAt();
      boolean inWindow = finished != null && !finished.isBefore(from) && finished.isBefore(to);
      long[] c = counts.computeIfAbsent(t.type(), k -> new long[6]);
      if (t.status() == TaskStatus.PENDING) {
        c[4]++;
      } else if (t.status() == TaskStatus.RUNNING) {
        c[5]++;
      } else if (inWindow) {
        c[3] += t.retryCount();
        switch (t.status()) {
          case COMPLETED -> c[0]++;
          case FAILED -> c[1]++;
          case CANCELLED -> c[2]++;
          default -> { }
        }
      }
    }
    Map<String, TaskTypeHealth> tasks = new TreeMap<>();
    counts.forEach((type, c) -> {
      if (c[0] + c[1] + c[2] + c[4] + c[5] == 0) {
        return;
      }
      long finished = c[0] + c[1];
      tasks.put(type, new TaskTypeHealth(type, c[0], c[1], c[2], c[3], c[4], c[5],
          finished == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) c[0] / finished)));
    });
    long received = 0;
    long duplicates = 0;
    long[] byOutcome = new long[WebhookOutcome.values().length];
    WebhookLogCursor after = null;
    while (true) {
      List<WebhookLog> page = ctx.webhookLogs.list(tenant, from, to, after, PAGE);
      for (WebhookLog e : page) {
        received++;
        duplicates += e.duplicates();
        byOutcome[e.outcome().ordinal()]++;
      }
      if (page.size() < PAGE) {
        break;
      }
      after = WebhookLogCursor.after(page.get(page.size() - 1));
    }
    WebhookHealth webhooks = new WebhookHealth(received, duplicates, byOutcome[WebhookOutcome.REJECTED.ordinal()],
        byOutcome[WebhookOutcome.QUEUED.ordinal()], byOutcome[WebhookOutcome.APPLIED.ordinal()],
        byOutcome[WebhookOutcome.IGNORED.ordinal()], byOutcome[WebhookOutcome.FAILED.ordinal()]);
    return new AutomationHealth(tenant, from, to, schedules, tasks, webhooks);
  }

  /**
   * Describes the view.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "TenantAutomation[" + tenant + "]";
  }
}

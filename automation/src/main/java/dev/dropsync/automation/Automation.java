package dev.dropsync.automation;

import dev.dropsync.automation.internal.AnalyticsSnapshotHandler;
import dev.dropsync.automation.internal.Context;
import dev.dropsync.automation.internal.InventorySyncHandler;
import dev.dropsync.automation.internal.OrderFulfillmentHandler;
import dev.dropsync.automation.internal.ScheduleSync;
import dev.dropsync.automation.internal.StockAlertHandler;
import dev.dropsync.automation.internal.WebhookProcessHandler;
import dev.dropsync.automation.spi.AlertSink;
import dev.dropsync.automation.spi.AutomationListener;
import dev.dropsync.automation.spi.SecretStore;
import dev.dropsync.automation.spi.StockAlertStore;
import dev.dropsync.automation.spi.WebhookLogStore;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.DailySnapshotter;
import dev.dropsync.inventory.analytics.TenantSettings;
import dev.dropsync.inventory.analytics.spi.StockHistory;
import dev.dropsync.inventory.analytics.spi.TenantSettingsSource;
import dev.dropsync.scheduler.Scheduler;
import dev.dropsync.scheduler.SchedulerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a dropshipping back-end on autopilot: the standard task types on the scheduler, per-plan
 * default schedules, the CJ webhook endpoint, stock alerts, daily analytics, tenants and their
 * secrets. Build it once from the engines and the stores and share it; it is immutable and
 * thread-safe. Everything a tenant owns is reached through {@link #tenant(TenantId)}, a view that
 * cannot see or change another tenant's products, orders, tasks, schedules or webhook logs.
 *
 * <pre>{@code
 * Automation automation = Automation.builder()
 *     .inventory(inventoryEngine)
 *     .fulfillment(fulfillmentEngine)
 *     .scheduler(Scheduler.builder().store(taskStore).clock(clock).workerCount(4))  // handlers are added here
 *     .secrets(EncryptedSecretStore.builder().keyRing(keys).storage(ciphertextStore).build())
 *     .webhookLogs(webhookLogStore)
 *     .stockAlerts(stockAlertStore)
 *     .alertSink(alert -> mailer.send(alert))
 *     .snapshotter(dailySnapshotter)             // optional: ProductAnalytics + InventoryHealth
 *     .tenantSettings(tenant -> settingsOf(tenant)) // zone used for schedules and days
 *     .clock(clock)
 *     .build();
 * automation.onboard(TenantOnboarding.builder().tenant(Tenant.of(shop, Plan.PRO, usd))
 *     .cjApiKey(Secret.of(apiKey)).cjOpenId(Secret.of(openId)).build());
 * automation.start();                            // the scheduler's background loop
 * }</pre>
 *
 * <p>The scheduler builder passed to {@link Builder#scheduler} gets a handler for each of {@link
 * TaskTypes#all()} and is built by {@link Builder#build()}; register your own task types on it
 * before. {@link #close()} shuts that scheduler down.
 *
 * @since 0.1.0
 */
public final class Automation implements AutoCloseable {
  private final Context ctx;
  private final Scheduler scheduler;
  private final ScheduleSync schedules;
  private final CjWebhookEndpoint webhooks;
  private final StockAlertHandler stockAlerts;
  private final AnalyticsSnapshotHandler analytics;
  private final @Nullable TenantCjClients cjClients;

  private Automation(Builder b, Context ctx, Scheduler.Builder sb) {
    this.ctx = ctx;
    this.stockAlerts = new StockAlertHandler(ctx);
    this.analytics = new AnalyticsSnapshotHandler(ctx);
    WebhookProcessHandler webhookProcess = new WebhookProcessHandler(ctx);
    sb.handler(TaskTypes.INVENTORY_SYNC, new InventorySyncHandler(ctx))
        .handler(TaskTypes.ORDER_FULFILLMENT, new OrderFulfillmentHandler(ctx))
        .handler(TaskTypes.STOCK_ALERT, stockAlerts)
        .handler(TaskTypes.WEBHOOK_PROCESS, webhookProcess)
        .handler(TaskTypes.ANALYTICS_SNAPSHOT, analytics)
        .addListener(webhookProcess.failureListener());
    this.scheduler = sb.build();
    this.schedules = new ScheduleSync(ctx, scheduler);
    this.webhooks = new CjWebhookEndpoint(ctx, scheduler, b.maxWebhookBodyBytes);
    this.cjClients = b.cjClients;
  }

  /**
   * Returns a new builder. Not thread-safe.
   *
   * @return the builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sets a tenant up, or updates it: registers it with the inventory engine (plan, currency, stock
   * defaults), stores the CJ credentials given, and applies its plan's default schedules.
   * Idempotent: onboarding the same tenant again changes only what differs and never duplicates a
   * schedule.
   *
   * @param onboarding the tenant and its credentials
   * @return the tenant's view
   * @throws InvalidInputException if the inventory engine refuses the tenant (e.g. unknown plan);
   *     nothing is stored then
   * @throws dev.dropsync.scheduler.UnknownTaskTypeException if a template of the plan names a task
   *     type without handler: the tenant and its secrets are stored, its schedules are left as they
   *     were; onboard again once the scheduler knows the type
   * @since 0.1.0
   */
  public TenantAutomation onboard(TenantOnboarding onboarding) {
    Objects.requireNonNull(onboarding, "onboarding");
    Tenant tenant = ctx.inventory.registerTenant(onboarding.tenant());
    TenantId id = tenant.id();
    Secret apiKey = onboarding.cjApiKey();
    Secret openId = onboarding.cjOpenId();
    if (apiKey != null) {
      ctx.secrets.put(id, SecretName.CJ_API_KEY, apiKey);
      invalidateClient(id);
    }
    if (openId != null) {
      ctx.secrets.put(id, SecretName.CJ_OPEN_ID, openId);
    }
    schedules.apply(id);
    return new TenantAutomation(this, id);
  }

  /**
   * Returns the view of one registered tenant.
   *
   * @param tenant the tenant
   * @return its view
   * @throws dev.dropsync.inventory.NotFoundException naming {@code tenantId} if it is not registered
   * @since 0.1.0
   */
  public TenantAutomation tenant(TenantId tenant) {
    ctx.inventory.tenant(Objects.requireNonNull(tenant, "tenant"));
    return new TenantAutomation(this, tenant);
  }

  /**
   * Returns the CJ webhook endpoint (all tenants; the tenant is an argument of each call).
   *
   * @return the endpoint
   * @since 0.1.0
   */
  public CjWebhookEndpoint webhooks() {
    return webhooks;
  }

  /**
   * Returns the scheduler built with the automation's handlers. Its {@code cancel}, {@code pause}
   * and similar methods are not tenant-scoped; prefer the tenant view's.
   *
   * @return the scheduler
   * @since 0.1.0
   */
  public Scheduler scheduler() {
    return scheduler;
  }

  /**
   * Returns the per-plan policy.
   *
   * @return the policy
   * @since 0.1.0
   */
  public AutomationPolicy policy() {
    return ctx.policy;
  }

  /**
   * Returns this instance's scheduler counters (all tenants, since build) and the queue depth.
   *
   * @return the metrics
   * @since 0.1.0
   */
  public SchedulerMetrics metrics() {
    return scheduler.metrics();
  }

  /**
   * Starts the scheduler's background loop (see {@link Scheduler#start()}).
   *
   * @since 0.1.0
   */
  public void start() {
    scheduler.start();
  }

  /**
   * Shuts the scheduler down (running tasks get 30 s to finish, then are released for another
   * instance). Does not close engines, stores or the {@link TenantCjClients}, which the caller owns.
   *
   * @since 0.1.0
   */
  @Override
  public void close() {
    scheduler.shutdown(Duration.ofSeconds(30));
  }

  Context context() {
    return ctx;
  }

  ScheduleSync scheduleSync() {
    return schedules;
  }

  StockAlertHandler stockAlertHandler() {
    return stockAlerts;
  }

  AnalyticsSnapshotHandler analyticsHandler() {
    return analytics;
  }

  void invalidateClient(TenantId tenant) {
    TenantCjClients c = cjClients;
    if (c != null) {
      c.invalidate(tenant);
    }
  }

  /**
   * Builds an {@link Automation}. Not thread-safe; every value is checked at {@link #build()}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable InventoryEngine inventory;
    private @Nullable FulfillmentEngine fulfillment;
    private Scheduler.@Nullable Builder scheduler;
    private @Nullable SecretStore secrets;
    private @Nullable WebhookLogStore webhookLogs;
    private @Nullable StockAlertStore stockAlerts;
    private @Nullable AlertSink alertSink;
    private @Nullable DailySnapshotter snapshotter;
    private @Nullable StockHistory stockHistory;
    private @Nullable TenantSettingsSource settings;
    private AutomationPolicy policy = AutomationPolicy.standard();
    private Clock clock = Clock.systemUTC();
    private String cjSupplierId = "cj";
    private Duration openOrderLookback = Duration.ofDays(60);
    private int maxWebhookBodyBytes = 1 << 20;
    private AutomationListener listener = AutomationListener.NONE;
    private Supplier<String> ids = () -> UUID.randomUUID().toString();
    private @Nullable TenantCjClients cjClients;

    private Builder() {}

    /**
     * Sets the inventory engine (required): tenants, products, syncs, stock.
     *
     * @param engine the engine
     * @return this
     * @since 0.1.0
     */
    public Builder inventory(InventoryEngine engine) {
      this.inventory = Objects.requireNonNull(engine, "inventory");
      return this;
    }

    /**
     * Sets the fulfilment engine (required): orders and supplier orders.
     *
     * @param engine the engine
     * @return this
     * @since 0.1.0
     */
    public Builder fulfillment(FulfillmentEngine engine) {
      this.fulfillment = Objects.requireNonNull(engine, "fulfillment");
      return this;
    }

    /**
     * Sets the scheduler configuration (required): store, clock, workers, backoff, your own
     * handlers. {@link #build()} adds the automation's handlers and builds it.
     *
     * @param scheduler the scheduler builder (used once)
     * @return this
     * @since 0.1.0
     */
    public Builder scheduler(Scheduler.Builder scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Sets where tenants' secrets live (required), e.g. an {@link EncryptedSecretStore}.
     *
     * @param secrets the store
     * @return this
     * @since 0.1.0
     */
    public Builder secrets(SecretStore secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /**
     * Sets the webhook log (required).
     *
     * @param store the store
     * @return this
     * @since 0.1.0
     */
    public Builder webhookLogs(WebhookLogStore store) {
      this.webhookLogs = Objects.requireNonNull(store, "webhookLogs");
      return this;
    }

    /**
     * Sets the stock-alert state store (required).
     *
     * @param store the store
     * @return this
     * @since 0.1.0
     */
    public Builder stockAlerts(StockAlertStore store) {
      this.stockAlerts = Objects.requireNonNull(store, "stockAlerts");
      return this;
    }

    /**
     * Sets where stock alerts are delivered (required; {@code alert -> {}} keeps them in the store
     * only).
     *
     * @param sink the sink
     * @return this
     * @since 0.1.0
     */
    public Builder alertSink(AlertSink sink) {
      this.alertSink = Objects.requireNonNull(sink, "alertSink");
      return this;
    }

    /**
     * Sets the inventory analytics snapshotter (optional). Without it {@code analytics_snapshot}
     * stores fulfilment metrics only.
     *
     * @param snapshotter the snapshotter
     * @return this
     * @since 0.1.0
     */
    public Builder snapshotter(DailySnapshotter snapshotter) {
      this.snapshotter = Objects.requireNonNull(snapshotter, "snapshotter");
      return this;
    }

    /**
     * Sets the stock history the daily snapshot records each variant's closing stock in (optional;
     * use the one your {@code InventoryAnalytics} reads).
     *
     * @param history the stock history
     * @return this
     * @since 0.1.0
     */
    public Builder stockHistory(StockHistory history) {
      this.stockHistory = Objects.requireNonNull(history, "stockHistory");
      return this;
    }

    /**
     * Sets where each tenant's time zone comes from (default: UTC and the tenant's currency). The
     * zone places default schedules and decides what a tenant's "day" is.
     *
     * @param settings the source
     * @return this
     * @since 0.1.0
     */
    public Builder tenantSettings(TenantSettingsSource settings) {
      this.settings = Objects.requireNonNull(settings, "tenantSettings");
      return this;
    }

    /**
     * Sets the per-plan policy (default {@link AutomationPolicy#standard()}).
     *
     * @param policy the policy
     * @return this
     * @since 0.1.0
     */
    public Builder policy(AutomationPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the clock (default system UTC); use the scheduler's.
     *
     * @param clock the clock
     * @return this
     * @since 0.1.0
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the supplier id of CJ products and supplier orders (default {@code "cj"}), used to route
     * CJ webhooks.
     *
     * @param supplierId the id
     * @return this
     * @throws InvalidInputException if blank
     * @since 0.1.0
     */
    public Builder cjSupplierId(String supplierId) {
      if (supplierId == null || supplierId.isBlank()) {
        throw new InvalidInputException("cjSupplierId", supplierId, "must not be blank");
      }
      this.cjSupplierId = supplierId;
      return this;
    }

    /**
     * Sets how far back the fulfilment sweep looks for unfinished orders, by creation time
     * (default 60 days).
     *
     * @param lookback positive
     * @return this
     * @throws InvalidInputException if zero or negative
     * @since 0.1.0
     */
    public Builder openOrderLookback(Duration lookback) {
      if (lookback == null || lookback.isZero() || lookback.isNegative()) {
        throw new InvalidInputException("openOrderLookback", lookback, "must be positive");
      }
      this.openOrderLookback = lookback;
      return this;
    }

    /**
     * Sets the largest webhook body accepted (default 1 MiB); larger ones are logged and answered
     * 413.
     *
     * @param bytes {@code >= 1024}
     * @return this
     * @throws InvalidInputException if below 1024
     * @since 0.1.0
     */
    public Builder maxWebhookBodyBytes(int bytes) {
      if (bytes < 1024) {
        throw new InvalidInputException("maxWebhookBodyBytes", bytes, "must be >= 1024");
      }
      this.maxWebhookBodyBytes = bytes;
      return this;
    }

    /**
     * Sets the event listener (default none).
     *
     * @param listener the listener
     * @return this
     * @since 0.1.0
     */
    public Builder listener(AutomationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the generator of log, alert and manual-task ids (default random UUIDs).
     *
     * @param ids returns a new unique id per call
     * @return this
     * @since 0.1.0
     */
    public Builder idGenerator(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "idGenerator");
      return this;
    }

    /**
     * Sets the per-tenant CJ clients to invalidate when a tenant's API key changes (optional).
     *
     * @param clients the client cache
     * @return this
     * @since 0.1.0
     */
    public Builder cjClients(TenantCjClients clients) {
      this.cjClients = Objects.requireNonNull(clients, "cjClients");
      return this;
    }

    /**
     * Builds the automation and its scheduler (not started).
     *
     * @return the automation
     * @throws InvalidInputException naming the first missing required component
     * @throws dev.dropsync.scheduler.InvalidSchedulerArgumentException if the scheduler builder
     *     already has a handler for one of the standard task types
     * @since 0.1.0
     */
    public Automation build() {
      InventoryEngine inv = require(inventory, "inventory");
      FulfillmentEngine ful = require(fulfillment, "fulfillment");
      Scheduler.Builder sb = require(scheduler, "scheduler");
      TenantSettingsSource s = settings != null ? settings
          : tenant -> new TenantSettings(ZoneOffset.UTC, inv.tenant(tenant).currency());
      Context ctx = new Context(inv, ful, require(secrets, "secrets"), require(webhookLogs, "webhookLogs"),
          require(stockAlerts, "stockAlerts"), require(alertSink, "alertSink"), snapshotter, stockHistory, s,
          policy, clock, cjSupplierId, openOrderLookback, listener, ids);
      return new Automation(this, ctx, sb);
    }

    private static <T> T require(@Nullable T value, String field) {
      if (value == null) {
        throw new InvalidInputException(field, null, "is required");
      }
      return value;
    }
  }
}

package dev.dropsync.automation.testing;

import dev.dropsync.automation.Automation;
import dev.dropsync.automation.EncryptedSecretStore;
import dev.dropsync.automation.Secret;
import dev.dropsync.automation.SecretKeyRing;
import dev.dropsync.automation.TenantAutomation;
import dev.dropsync.automation.TenantOnboarding;
import dev.dropsync.automation.WebhookAck;
import dev.dropsync.automation.spi.InMemoryCiphertextStore;
import dev.dropsync.automation.spi.InMemoryStockAlertStore;
import dev.dropsync.automation.spi.InMemoryWebhookLogStore;
import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderRequest;
import dev.dropsync.fulfillment.spi.InMemoryFreightQuotes;
import dev.dropsync.fulfillment.spi.InMemoryMetricsStore;
import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.InMemorySupplierOrders;
import dev.dropsync.fulfillment.spi.RecordingNotifier;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.DailySnapshotter;
import dev.dropsync.inventory.analytics.InMemoryAnalyticsSnapshotStore;
import dev.dropsync.inventory.analytics.InMemorySalesLedger;
import dev.dropsync.inventory.analytics.InMemoryStockHistory;
import dev.dropsync.inventory.analytics.InventoryAnalytics;
import dev.dropsync.inventory.analytics.TenantSettings;
import dev.dropsync.inventory.analytics.spi.TenantSettingsSource;
import dev.dropsync.inventory.testing.InventoryFixture;
import dev.dropsync.inventory.testing.MutableClock;
import dev.dropsync.scheduler.BackoffPolicy;
import dev.dropsync.scheduler.InMemoryTaskStore;
import dev.dropsync.scheduler.Scheduler;
import dev.dropsync.scheduler.spi.TaskStore;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The whole automation wired on in-memory SPIs and one virtual clock: inventory-core's {@link
 * InventoryFixture} (supplier {@code "cj"}, inline syncs), a fulfilment engine with {@link
 * InMemorySupplierOrders}, a scheduler on {@link InMemoryTaskStore} whose handlers run inside {@link
 * #runDue()}, encrypted secrets, analytics, and a {@link RecordingAlertSink}. Nothing sleeps: tests
 * move {@link #clock} and call {@link #runDue()}.
 */
public final class AutomationFixture {
  public final InventoryFixture inventory;
  public final MutableClock clock;
  public final InMemorySupplierOrders suppliers;
  public final InMemoryFreightQuotes freight = new InMemoryFreightQuotes(List.of(
      new FreightOption("CJPacket Ordinary", Money.of("4.00", "USD"), 7, 12)));
  public final RecordingNotifier notifier = new RecordingNotifier();
  public final InMemoryOrderStore orders = new InMemoryOrderStore();
  public final InMemoryMetricsStore metrics = new InMemoryMetricsStore();
  public final FulfillmentEngine fulfillment;
  public final InMemoryTaskStore tasks = new InMemoryTaskStore();
  public final InMemoryWebhookLogStore webhookLogs = new InMemoryWebhookLogStore();
  public final InMemoryStockAlertStore stockAlerts = new InMemoryStockAlertStore();
  public final RecordingAlertSink alerts = new RecordingAlertSink();
  public final InMemoryCiphertextStore ciphertexts = new InMemoryCiphertextStore();
  public final EncryptedSecretStore secrets;
  public final InMemorySalesLedger sales = new InMemorySalesLedger();
  public final InMemoryStockHistory stockHistory = new InMemoryStockHistory();
  public final InMemoryAnalyticsSnapshotStore snapshots = new InMemoryAnalyticsSnapshotStore();
  public final Map<TenantId, ZoneId> zones = new ConcurrentHashMap<>();
  public final TenantSettingsSource settings;
  public final Automation automation;

  /** A fixture with the defaults. */
  public AutomationFixture() {
    this(b -> {});
  }

  /** A fixture whose automation builder is adjusted by {@code customizer} before building. */
  public AutomationFixture(Consumer<Automation.Builder> customizer) {
    this(s -> s, customizer);
  }

  /** A fixture whose scheduler uses {@code wrapTasks} applied to {@link #tasks} (e.g. to inject outages). */
  public AutomationFixture(UnaryOperator<TaskStore> wrapTasks, Consumer<Automation.Builder> customizer) {
    this(b -> {}, wrapTasks, customizer);
  }

  /**
   * A fixture whose inventory engine builder is adjusted by {@code inventoryCustomizer} (e.g. another
   * supplier catalog), whose task store is wrapped by {@code wrapTasks}, and whose automation builder
   * is adjusted by {@code customizer}.
   */
  public AutomationFixture(Consumer<InventoryEngine.Builder> inventoryCustomizer, UnaryOperator<TaskStore> wrapTasks,
      Consumer<Automation.Builder> customizer) {
    this(inventoryCustomizer, wrapTasks, sb -> {}, customizer);
  }

  /**
   * As {@link #AutomationFixture(Consumer, UnaryOperator, Consumer)}, with the scheduler builder
   * adjusted by {@code schedulerCustomizer} (e.g. an executor that never runs, to time attempts out).
   */
  public AutomationFixture(Consumer<InventoryEngine.Builder> inventoryCustomizer, UnaryOperator<TaskStore> wrapTasks,
      Consumer<Scheduler.Builder> schedulerCustomizer, Consumer<Automation.Builder> customizer) {
    this.inventory = InventoryFixture.create(inventoryCustomizer);
    this.clock = inventory.clock();
    this.suppliers = new InMemorySupplierOrders(clock);
    this.fulfillment = FulfillmentEngine.builder()
        .orderStore(orders).stock(inventory.engine()).variants(inventory.engine())
        .freightQuotes(freight).supplierOrders(suppliers).notifier(notifier).metricsStore(metrics)
        .clock(clock).build();
    this.secrets = EncryptedSecretStore.builder()
        .keyRing(SecretKeyRing.of("test-key", new byte[32])).storage(ciphertexts).build();
    this.settings = tenant -> new TenantSettings(zones.getOrDefault(tenant, ZoneOffset.UTC), Currency.getInstance("USD"));
    InventoryAnalytics analytics = InventoryAnalytics.builder()
        .salesLedger(sales).stockHistory(stockHistory).tenantSettings(settings).build();
    DailySnapshotter snapshotter = DailySnapshotter.builder()
        .analytics(analytics).store(snapshots).clock(new ZonedClockView(clock, ZoneOffset.UTC)).build();
    AtomicLong ids = new AtomicLong();
    Scheduler.Builder sb = Scheduler.builder().store(wrapTasks.apply(tasks)).clock(clock).executor(Runnable::run).workerCount(8)
        .workerId("test-worker").backoff(new BackoffPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1)))
        .jitter(() -> 0.99);
    schedulerCustomizer.accept(sb);
    Automation.Builder b = Automation.builder()
        .inventory(inventory.engine())
        .fulfillment(fulfillment)
        .scheduler(sb)
        .secrets(secrets)
        .webhookLogs(webhookLogs)
        .stockAlerts(stockAlerts)
        .alertSink(alerts)
        .snapshotter(snapshotter)
        .stockHistory(stockHistory)
        .tenantSettings(settings)
        .idGenerator(() -> "id" + ids.incrementAndGet())
        .clock(clock);
    customizer.accept(b);
    this.automation = b.build();
  }

  /** The openId the fixture gives {@code tenant} (CJ openIds are decimal strings). */
  public static String openId(TenantId tenant) {
    return String.valueOf(Math.abs((long) tenant.value().hashCode()) + 1_000_000_000_000L);
  }

  /** The API key the fixture gives {@code tenant}. */
  public static String apiKey(TenantId tenant) {
    return "CJ-KEY-" + tenant.value() + "-0123456789abcdef";
  }

  /** Onboards a USD tenant on {@code plan} with its API key and openId. */
  public TenantAutomation onboard(String tenant, Plan plan) {
    TenantId id = TenantId.of(tenant);
    return automation.onboard(TenantOnboarding.builder()
        .tenant(Tenant.of(id, plan, InventoryFixture.USD))
        .cjApiKey(Secret.of(apiKey(id))).cjOpenId(Secret.of(openId(id))).build());
  }

  /** Runs scheduler cycles on the current clock until nothing more is claimed; returns the tasks run. */
  public int runDue() {
    int total = 0;
    for (int i = 0; i < 1000; i++) {
      int n = automation.scheduler().tick();
      if (n == 0) {
        return total;
      }
      total += n;
    }
    throw new IllegalStateException("the queue never drained");
  }

  /** Moves the clock by {@code d} and runs what became due. */
  public int advanceAndRun(Duration d) {
    clock.advance(d);
    return runDue();
  }

  /** A one-variant CJ product imported for {@code tenant} (variant {@code <spid>-V1}). */
  public Product product(TenantId tenant, String supplierProductId, long stock, String cost) {
    return inventory.product(tenant, supplierProductId, stock, cost);
  }

  /** Creates a USD order of {@code quantity} × the product's first variant. */
  public Order order(TenantId tenant, String orderId, Product product, long quantity) {
    return fulfillment.createOrder(OrderRequest.builder()
        .tenant(tenant).orderId(OrderId.of(orderId)).currency("USD")
        .line(product.variants().get(0).id(), quantity, Money.of("19.99", "USD"))
        .shippingCharge(Money.of("4.99", "USD"))
        .shippingAddress(Address.builder().name("Ada Lovelace").line1("1 Main St").city("Springfield")
            .province("IL").zip("62701").country("US").phone("+1 217 555 0100").build())
        .customer(CustomerContact.of("Ada Lovelace", "ada@example.com"))
        .build());
  }

  /** Delivers {@code body} to {@code tenant}'s endpoint, signed with the tenant's openId. */
  public WebhookAck deliver(TenantId tenant, byte[] body) {
    return automation.webhooks().receive(tenant, body, CjPayloads.headers(body, openId(tenant)));
  }
}

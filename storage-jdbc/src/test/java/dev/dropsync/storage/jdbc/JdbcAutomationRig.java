package dev.dropsync.storage.jdbc;

import dev.dropsync.automation.Automation;
import dev.dropsync.automation.EncryptedSecretStore;
import dev.dropsync.automation.Secret;
import dev.dropsync.automation.SecretKeyRing;
import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.TenantAutomation;
import dev.dropsync.automation.TenantOnboarding;
import dev.dropsync.automation.WebhookAck;
import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.automation.testing.CjPayloads;
import dev.dropsync.automation.testing.ZonedClockView;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.spi.InMemoryFreightQuotes;
import dev.dropsync.fulfillment.spi.InMemorySupplierOrders;
import dev.dropsync.fulfillment.spi.RecordingNotifier;
import dev.dropsync.inventory.ImportResult;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.DailySnapshotter;
import dev.dropsync.inventory.analytics.InventoryAnalytics;
import dev.dropsync.inventory.analytics.TenantSettings;
import dev.dropsync.inventory.analytics.spi.TenantSettingsSource;
import dev.dropsync.inventory.memory.InMemorySupplierCatalog;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierVariant;
import dev.dropsync.inventory.testing.MutableClock;
import dev.dropsync.scheduler.BackoffPolicy;
import dev.dropsync.scheduler.Scheduler;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The whole automation on PostgreSQL, wired like automation's {@link AutomationFixture} but with
 * every store from this module: {@link JdbcInventoryStore}, {@link JdbcOrderStore}, {@link
 * JdbcMetricsStore}, {@link JdbcTaskStore}, {@link JdbcWebhookLogStore}, {@link JdbcStockAlertStore},
 * {@link JdbcCiphertextStore} (under {@link EncryptedSecretStore}), {@link JdbcSalesLedger}, {@link
 * JdbcStockHistory} and {@link JdbcAnalyticsSnapshotStore}. The supplier ({@code "cj"}) and the CJ
 * order side are in memory; one virtual clock; the scheduler's handlers run inside {@link #runDue()}.
 * Each {@link #node} stands for another process: its own engines and store instances over its own
 * pool, on the same database, sharing the supplier and the clock.
 */
final class JdbcAutomationRig {
  static final Currency USD = Currency.getInstance("USD");

  final MutableClock clock = MutableClock.atEpoch2026();
  final InMemorySupplierCatalog supplier = new InMemorySupplierCatalog("cj");
  final InMemorySupplierOrders supplierOrders = new InMemorySupplierOrders(clock);
  final byte[] secretKey = SecretKeyRing.generateKey();
  final TenantSettingsSource settings = tenant -> new TenantSettings(ZoneOffset.UTC, USD);
  private final AtomicLong ids = new AtomicLong();

  /** One "process": engines and stores over one pool. */
  final class Node {
    final DataSource pool;
    final InventoryEngine inventory;
    final FulfillmentEngine fulfillment;
    final JdbcSalesLedger sales;
    final List<StockAlert> alerts = new CopyOnWriteArrayList<>();
    final Automation automation;

    Node(DataSource pool, String workerId) {
      this.pool = pool;
      this.inventory = InventoryEngine.builder().clock(clock).store(new JdbcInventoryStore(pool)).supplier(supplier)
          .idGenerator(() -> "p" + ids.incrementAndGet()).syncExecutor(Runnable::run).build();
      this.fulfillment = FulfillmentEngine.builder()
          .orderStore(new JdbcOrderStore(pool)).metricsStore(new JdbcMetricsStore(pool))
          .stock(inventory).variants(inventory)
          .freightQuotes(new InMemoryFreightQuotes(List.of(
              new FreightOption("CJPacket Ordinary", Money.of("4.00", "USD"), 7, 12))))
          .supplierOrders(supplierOrders).notifier(new RecordingNotifier()).clock(clock).build();
      this.sales = new JdbcSalesLedger(pool);
      JdbcStockHistory stockHistory = new JdbcStockHistory(pool);
      InventoryAnalytics analytics = InventoryAnalytics.builder()
          .salesLedger(sales).stockHistory(stockHistory).tenantSettings(settings).build();
      DailySnapshotter snapshotter = DailySnapshotter.builder().analytics(analytics)
          .store(new JdbcAnalyticsSnapshotStore(pool)).clock(new ZonedClockView(clock, ZoneOffset.UTC)).build();
      this.automation = Automation.builder()
          .inventory(inventory)
          .fulfillment(fulfillment)
          .scheduler(Scheduler.builder().store(new JdbcTaskStore(pool)).clock(clock).executor(Runnable::run)
              .workerCount(4).workerId(workerId)
              .backoff(new BackoffPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1))).jitter(() -> 0.99))
          .secrets(EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("test-key", secretKey))
              .storage(new JdbcCiphertextStore(pool)).build())
          .webhookLogs(new JdbcWebhookLogStore(pool))
          .stockAlerts(new JdbcStockAlertStore(pool))
          .alertSink(alerts::add)
          .snapshotter(snapshotter)
          .stockHistory(stockHistory)
          .tenantSettings(settings)
          .idGenerator(() -> workerId + "-id" + ids.incrementAndGet())
          .clock(clock)
          .build();
    }

    /** Onboards a USD tenant on {@code plan} with the fixture's API key and openId. */
    TenantAutomation onboard(String tenant, Plan plan) {
      TenantId id = TenantId.of(tenant);
      return automation.onboard(TenantOnboarding.builder().tenant(Tenant.of(id, plan, USD))
          .cjApiKey(Secret.of(AutomationFixture.apiKey(id))).cjOpenId(Secret.of(AutomationFixture.openId(id))).build());
    }

    /** Delivers {@code body} to {@code tenant}'s endpoint, signed with the tenant's openId. */
    WebhookAck deliver(TenantId tenant, byte[] body) {
      return automation.webhooks().receive(tenant, body, CjPayloads.headers(body, AutomationFixture.openId(tenant)));
    }

    /** Adds a one-variant product ({@code <spid>-V1}) to the supplier and imports it for {@code tenant}. */
    Product product(TenantId tenant, String supplierProductId, long stock, String cost) {
      supplier.put(new SupplierProduct(supplierProductId, "Product " + supplierProductId, List.of("Home"),
          List.of(new SupplierVariant(supplierProductId + "-V1", supplierProductId + "-SKU", Money.of(cost, "USD"),
              stock))));
      ImportResult r = inventory.importProduct(tenant, supplierProductId);
      if (r.product() == null) {
        throw new IllegalStateException("import failed: " + r);
      }
      return inventory.product(tenant, r.product().id());
    }

    /** Runs scheduler cycles on the current clock until nothing more is claimed; returns the tasks run. */
    int runDue() {
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
  }

  /** A node on {@code pool}. */
  Node node(DataSource pool, String workerId) {
    return new Node(pool, workerId);
  }
}

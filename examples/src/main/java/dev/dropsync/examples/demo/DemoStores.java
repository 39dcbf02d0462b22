package dev.dropsync.examples.demo;

import dev.dropsync.automation.spi.CiphertextStore;
import dev.dropsync.automation.spi.InMemoryCiphertextStore;
import dev.dropsync.automation.spi.InMemoryStockAlertStore;
import dev.dropsync.automation.spi.InMemoryWebhookLogStore;
import dev.dropsync.automation.spi.StockAlertStore;
import dev.dropsync.automation.spi.WebhookLogStore;
import dev.dropsync.fulfillment.spi.InMemoryMetricsStore;
import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.MetricsStore;
import dev.dropsync.fulfillment.spi.OrderStore;
import dev.dropsync.inventory.analytics.InMemoryAnalyticsSnapshotStore;
import dev.dropsync.inventory.analytics.InMemorySalesLedger;
import dev.dropsync.inventory.analytics.InMemoryStockHistory;
import dev.dropsync.inventory.analytics.spi.AnalyticsSnapshotStore;
import dev.dropsync.inventory.analytics.spi.SalesLedger;
import dev.dropsync.inventory.analytics.spi.StockHistory;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import dev.dropsync.inventory.spi.InventoryStore;
import dev.dropsync.scheduler.InMemoryTaskStore;
import dev.dropsync.scheduler.spi.TaskStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every store the demo's engines and automation use, opened together by the factory {@code --store}
 * names: {@code memory} (the modules' in-memory reference stores) or {@code postgres} (storage-jdbc
 * over a HikariCP pool, {@link PostgresDemoStores}, settings {@code --jdbc-url}, {@code
 * --jdbc-user}, {@code --jdbc-password} from {@link DemoOptions}). Another kind of storage is one
 * more entry in {@link #FACTORIES}.
 *
 * @param name the store kind, e.g. {@code "memory"}
 * @param description what the demo prints on its {@code Stores:} line (never a password)
 * @param shared whether the data outlives the run and may hold earlier runs' data (a database):
 *     the demo then gives its tenants ids of their own and pauses their schedules at the end, so
 *     runs never collide
 * @param inventory products, stock ledger, reservations, pricing rules, sync runs
 * @param orders orders, supplier orders, earnings ledger, communication log
 * @param metrics daily fulfilment metrics
 * @param tasks the scheduler's tasks and schedules
 * @param webhookLogs received CJ webhooks
 * @param stockAlerts low- and out-of-stock alerts
 * @param ciphertexts encrypted tenant secrets
 * @param sales the sales ledger (what the orders sold) for analytics
 * @param stockHistory daily closing stock per variant
 * @param snapshots the daily product analytics and inventory health
 * @param onClose releases what the factory opened (a connection pool, say); idempotent
 * @since 0.1.0
 */
public record DemoStores(
    String name,
    String description,
    boolean shared,
    InventoryStore inventory,
    OrderStore orders,
    MetricsStore metrics,
    TaskStore tasks,
    WebhookLogStore webhookLogs,
    StockAlertStore stockAlerts,
    CiphertextStore ciphertexts,
    SalesLedger sales,
    StockHistory stockHistory,
    AnalyticsSnapshotStore snapshots,
    AutoCloseable onClose) implements AutoCloseable {

  /**
   * Opens the stores of one kind.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Factory {
    /**
     * Opens fresh stores.
     *
     * @param options the demo's options (store settings live there)
     * @return the stores; the caller closes them
     */
    DemoStores open(DemoOptions options);
  }

  /** The factories by {@code --store} name: {@code memory} and {@code postgres}. */
  public static final Map<String, Factory> FACTORIES;

  static {
    Map<String, Factory> f = new LinkedHashMap<>();
    f.put("memory", options -> inMemory());
    f.put("postgres", PostgresDemoStores::open);
    FACTORIES = java.util.Collections.unmodifiableMap(f);
  }

  /**
   * Checks for nulls.
   *
   * @param name see the record component
   * @param description see the record component
   * @param shared see the record component
   * @param inventory see the record component
   * @param orders see the record component
   * @param metrics see the record component
   * @param tasks see the record component
   * @param webhookLogs see the record component
   * @param stockAlerts see the record component
   * @param ciphertexts see the record component
   * @param sales see the record component
   * @param stockHistory see the record component
   * @param snapshots see the record component
   * @param onClose see the record component
   */
  public DemoStores {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(orders, "orders");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(webhookLogs, "webhookLogs");
    Objects.requireNonNull(stockAlerts, "stockAlerts");
    Objects.requireNonNull(ciphertexts, "ciphertexts");
    Objects.requireNonNull(sales, "sales");
    Objects.requireNonNull(stockHistory, "stockHistory");
    Objects.requireNonNull(snapshots, "snapshots");
    Objects.requireNonNull(onClose, "onClose");
  }

  /**
   * The names {@code --store} accepts.
   *
   * @return the names, in registration order
   * @since 0.1.0
   */
  public static Set<String> kinds() {
    return FACTORIES.keySet();
  }

  /**
   * Opens the stores {@code options.store()} names.
   *
   * @param options the options
   * @return the stores
   * @throws UsageException if no factory has that name
   * @throws DemoFailure if the factory cannot open its storage (e.g. the database is unreachable)
   * @since 0.1.0
   */
  public static DemoStores open(DemoOptions options) {
    Factory f = FACTORIES.get(options.store());
    if (f == null) {
      throw new UsageException("--store must be one of " + kinds() + " but was \"" + options.store() + "\"");
    }
    return f.open(options);
  }

  /**
   * Fresh in-memory stores (the dropsync modules' reference implementations).
   *
   * @return the stores
   * @since 0.1.0
   */
  public static DemoStores inMemory() {
    return new DemoStores("memory", "memory (in this process; gone when it exits)", false, new InMemoryInventoryStore(),
        new InMemoryOrderStore(), new InMemoryMetricsStore(), new InMemoryTaskStore(), new InMemoryWebhookLogStore(),
        new InMemoryStockAlertStore(), new InMemoryCiphertextStore(), new InMemorySalesLedger(),
        new InMemoryStockHistory(), new InMemoryAnalyticsSnapshotStore(), () -> { });
  }

  @Override
  public void close() {
    try {
      onClose.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("closing the " + name + " stores failed: " + e.getMessage(), e);
    }
  }
}

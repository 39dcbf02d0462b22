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
 * names. This is the seam for other storage: a PostgreSQL factory (storage-jdbc) opens the same
 * record over one {@code DataSource}, registered in {@link #FACTORIES} under {@code "postgres"},
 * with its settings (e.g. {@code --jdbc-url}) read from {@link DemoOptions}.
 *
 * @param name the store kind, e.g. {@code "memory"}
 * @param inventory products, stock ledger, reservations, pricing rules, sync runs
 * @param orders orders, supplier orders, earnings ledger, communication log
 * @param metrics daily fulfilment metrics
 * @param tasks the scheduler's tasks and schedules
 * @param webhookLogs received CJ webhooks
 * @param stockAlerts low- and out-of-stock alerts
 * @param ciphertexts encrypted tenant secrets
 * @param onClose releases what the factory opened (a connection pool, say); idempotent
 * @since 0.1.0
 */
public record DemoStores(
    String name,
    InventoryStore inventory,
    OrderStore orders,
    MetricsStore metrics,
    TaskStore tasks,
    WebhookLogStore webhookLogs,
    StockAlertStore stockAlerts,
    CiphertextStore ciphertexts,
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

  /** The factories by {@code --store} name. Only {@code memory} exists so far. */
  public static final Map<String, Factory> FACTORIES;

  static {
    Map<String, Factory> f = new LinkedHashMap<>();
    f.put("memory", options -> inMemory());
    FACTORIES = java.util.Collections.unmodifiableMap(f);
  }

  /**
   * Checks for nulls.
   *
   * @param name see the record component
   * @param inventory see the record component
   * @param orders see the record component
   * @param metrics see the record component
   * @param tasks see the record component
   * @param webhookLogs see the record component
   * @param stockAlerts see the record component
   * @param ciphertexts see the record component
   * @param onClose see the record component
   */
  public DemoStores {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(orders, "orders");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(webhookLogs, "webhookLogs");
    Objects.requireNonNull(stockAlerts, "stockAlerts");
    Objects.requireNonNull(ciphertexts, "ciphertexts");
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
    return new DemoStores("memory", new InMemoryInventoryStore(), new InMemoryOrderStore(), new InMemoryMetricsStore(),
        new InMemoryTaskStore(), new InMemoryWebhookLogStore(), new InMemoryStockAlertStore(),
        new InMemoryCiphertextStore(), () -> { });
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

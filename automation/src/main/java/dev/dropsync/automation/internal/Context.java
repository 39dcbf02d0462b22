package dev.dropsync.automation.internal;

import dev.dropsync.automation.AutomationPolicy;
import dev.dropsync.automation.spi.AlertSink;
import dev.dropsync.automation.spi.AutomationListener;
import dev.dropsync.automation.spi.SecretStore;
import dev.dropsync.automation.spi.StockAlertStore;
import dev.dropsync.automation.spi.WebhookLogStore;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.DailySnapshotter;
import dev.dropsync.inventory.analytics.spi.StockHistory;
import dev.dropsync.inventory.analytics.spi.TenantSettingsSource;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Everything the handlers and the facade share; immutable. */
public final class Context {
  public final InventoryEngine inventory;
  public final FulfillmentEngine fulfillment;
  public final SecretStore secrets;
  public final WebhookLogStore webhookLogs;
  public final StockAlertStore stockAlerts;
  public final AlertSink alertSink;
  public final @Nullable DailySnapshotter snapshotter;
  public final @Nullable StockHistory stockHistory;
  public final TenantSettingsSource settings;
  public final AutomationPolicy policy;
  public final Clock clock;
  public final String cjSupplierId;
  public final Duration openOrderLookback;
  public final AutomationListener listener;
  public final Supplier<String> ids;

  public Context(InventoryEngine inventory, FulfillmentEngine fulfillment, SecretStore secrets,
      WebhookLogStore webhookLogs, StockAlertStore stockAlerts, AlertSink alertSink,
      @Nullable DailySnapshotter snapshotter, @Nullable StockHistory stockHistory, TenantSettingsSource settings,
      AutomationPolicy policy, Clock clock, String cjSupplierId, Duration openOrderLookback,
      AutomationListener listener, Supplier<String> ids) {
    this.inventory = inventory;
    this.fulfillment = fulfillment;
    this.secrets = secrets;
    this.webhookLogs = webhookLogs;
    this.stockAlerts = stockAlerts;
    this.alertSink = alertSink;
    this.snapshotter = snapshotter;
    this.stockHistory = stockHistory;
    this.settings = settings;
    this.policy = policy;
    this.clock = clock;
    this.cjSupplierId = cjSupplierId;
    this.openOrderLookback = openOrderLookback;
    this.listener = listener;
    this.ids = ids;
  }

  /** Calls the listener, swallowing its exceptions. */
  public void notify(Consumer<AutomationListener> event) {
    try {
      event.accept(listener);
    } catch (RuntimeException ignored) {
      // listeners must not break automation
    }
  }

  /** The tenant of a task (its owner). */
  public static TenantId tenantOf(dev.dropsync.scheduler.AutomationTask task) {
    return TenantId.of(task.owner());
  }
}

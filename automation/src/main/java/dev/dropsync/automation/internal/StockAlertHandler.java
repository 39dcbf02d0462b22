package dev.dropsync.automation.internal;

import dev.dropsync.automation.AutomationException;
import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.scheduler.NonRetryableTaskException;
import dev.dropsync.scheduler.TaskContext;
import dev.dropsync.scheduler.TaskHandler;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code stock_alert}: compares every watched variant (of ACTIVE and INACTIVE_OUT_OF_STOCK products)
 * with its low-stock threshold, opens an alert per kind on a downward crossing (once: the store keeps
 * at most one open alert per variant and kind), closes it when stock recovers (re-arming it), then
 * delivers every open, undelivered alert to the sink. Alerts of variants no longer watched are
 * closed. Idempotent: a second run with the same stock opens nothing and delivers nothing.
 */
public final class StockAlertHandler implements TaskHandler {
  private static final int PAGE = 500;

  private final Context ctx;

  public StockAlertHandler(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void handle(TaskContext task) {
    TenantId tenant = Context.tenantOf(task.task());
    try {
      run(tenant, task);
    } catch (NotFoundException e) {
      throw new NonRetryableTaskException("stock_alert for tenant \"" + tenant + "\": " + e.getMessage(), e);
    }
  }

  /** Runs one evaluation; returns how many alerts were delivered. */
  public int run(TenantId tenant, TaskContext task) {
    ctx.inventory.tenant(tenant);
    Instant now = ctx.clock.instant();
    Map<String, StockAlert> open = new HashMap<>();
    for (StockAlert a : ctx.stockAlerts.openAlerts(tenant)) {
      open.put(key(a.variant(), a.kind()), a);
    }
    Set<VariantId> watched = new HashSet<>();
    ProductId after = null;
    while (true) {
      List<Product> page = ctx.inventory.store().listProducts(tenant, after, PAGE);
      for (Product p : page) {
        if (p.status() != ProductStatus.ACTIVE && p.status() != ProductStatus.INACTIVE_OUT_OF_STOCK) {
          continue;
        }
        for (Variant v : p.variants()) {
          watched.add(v.id());
          long available = v.available();
          long threshold = ctx.inventory.lowStockThreshold(tenant, v.id());
          evaluate(open, tenant, p, v, StockAlertKind.OUT_OF_STOCK, available <= 0, available, threshold, now);
          evaluate(open, tenant, p, v, StockAlertKind.LOW_STOCK, threshold > 0 && available <= threshold,
              available, threshold, now);
        }
      }
      if (page.size() < PAGE || task.isCancelled()) {
        break;
      }
      after = page.get(page.size() - 1).id();
    }
    if (task.isCancelled()) {
      return 0;
    }
    int delivered = 0;
    RuntimeException failure = null;
    for (StockAlert a : ctx.stockAlerts.openAlerts(tenant)) {
      if (!watched.contains(a.variant())) {
        ctx.stockAlerts.close(tenant, a.variant(), a.kind(), now);
        continue;
      }
      if (a.delivered()) {
        continue;
      }
      try {
        ctx.alertSink.deliver(a);
        ctx.stockAlerts.markDelivered(tenant, a.alertId(), ctx.clock.instant());
        delivered++;
      } catch (RuntimeException e) {
        failure = e; // stays undelivered: the next attempt delivers it again
      }
    }
    if (failure != null) {
      throw new AutomationException("stock_alert for tenant \"" + tenant + "\": the alert sink failed: "
          + failure.getMessage(), failure);
    }
    return delivered;
  }

  private void evaluate(Map<String, StockAlert> open, TenantId tenant, Product p, Variant v, StockAlertKind kind,
      boolean crossed, long available, long threshold, Instant now) {
    boolean isOpen = open.containsKey(key(v.id(), kind));
    if (crossed && !isOpen) {
      // a concurrent run may have opened it meanwhile: the store's unique open key keeps it to one
      ctx.stockAlerts.open(new StockAlert(tenant, ctx.ids.get(), p.id(), v.id(), v.sku(), kind, available,
          threshold, now, null, null));
    } else if (!crossed && isOpen) {
      ctx.stockAlerts.close(tenant, v.id(), kind, now);
    }
  }

  private static String key(VariantId variant, StockAlertKind kind) {
    return kind + "|" + variant.value();
  }
}

package dev.dropsync.automation.internal;

import dev.dropsync.automation.DaySnapshot;
import dev.dropsync.automation.TaskTypes;
import dev.dropsync.fulfillment.FulfillmentMetrics;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.analytics.DailySnapshot;
import dev.dropsync.inventory.analytics.DailySnapshotter;
import dev.dropsync.inventory.analytics.StockObservation;
import dev.dropsync.inventory.analytics.StockState;
import dev.dropsync.inventory.analytics.spi.StockHistory;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.NonRetryableTaskException;
import dev.dropsync.scheduler.TaskContext;
import dev.dropsync.scheduler.TaskHandler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code analytics_snapshot}: the tenant's day (the {@code day} payload, else the day before the
 * task's fire time in the tenant's zone, so a late or caught-up run still snapshots its own day).
 * Records the day's closing stock in the {@code StockHistory} when one is configured and the run is
 * on the following day, then saves {@code InventoryHealth} / {@code ProductAnalytics} through the
 * {@code DailySnapshotter} (when configured) and the day's {@code FulfillmentMetrics}. Every write is
 * an upsert per (tenant, day), so re-running a day replaces its rows.
 */
public final class AnalyticsSnapshotHandler implements TaskHandler {
  private static final int PAGE = 500;

  private final Context ctx;

  public AnalyticsSnapshotHandler(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void handle(TaskContext task) {
    TenantId tenant = Context.tenantOf(task.task());
    try {
      ZoneId zone = ctx.settings.settingsFor(tenant).zone();
      snapshot(tenant, dayOf(task.task(), zone));
    } catch (NotFoundException | InvalidInputException e) {
      throw new NonRetryableTaskException("analytics_snapshot for tenant \"" + tenant + "\": " + e.getMessage(), e);
    }
  }

  LocalDate dayOf(AutomationTask task, ZoneId zone) {
    String day = task.payload().get(TaskTypes.DAY);
    if (day != null) {
      try {
        return LocalDate.parse(day);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(TaskTypes.DAY, day, "must be an ISO date (yyyy-MM-dd)");
      }
    }
    String scheduleId = task.scheduleId();
    Instant fire = scheduleId == null ? null : Keys.fireTime(task.instanceKey(), scheduleId).orElse(null);
    Instant at = fire != null ? fire : ctx.clock.instant();
    return at.atZone(zone).toLocalDate().minusDays(1);
  }

  /** Snapshots one completed day of the tenant. */
  public DaySnapshot snapshot(TenantId tenant, LocalDate day) {
    ctx.inventory.tenant(tenant);
    ZoneId zone = ctx.settings.settingsFor(tenant).zone();
    LocalDate today = ctx.clock.instant().atZone(zone).toLocalDate();
    if (!day.isBefore(today)) {
      throw new InvalidInputException("day", day, "must be a completed day in " + zone + " (before " + today + ")");
    }
    int observed = 0;
    StockHistory history = ctx.stockHistory;
    if (history != null && day.plusDays(1).equals(today)) {
      observed = recordClosingStock(history, tenant, day);
    }
    DailySnapshotter snapshotter = ctx.snapshotter;
    @Nullable DailySnapshot inventory = snapshotter == null ? null : snapshotter.snapshot(tenant, day);
    FulfillmentMetrics metrics = ctx.fulfillment.snapshotDay(tenant, day, zone);
    return new DaySnapshot(tenant, day, zone, inventory, metrics, observed);
  }

  private int recordClosingStock(StockHistory history, TenantId tenant, LocalDate day) {
    int n = 0;
    ProductId after = null;
    while (true) {
      List<Product> page = ctx.inventory.store().listProducts(tenant, after, PAGE);
      for (Product p : page) {
        if (p.status() == ProductStatus.DRAFT) {
          continue;
        }
        StockState state = switch (p.status()) {
          case ACTIVE -> StockState.ACTIVE;
          case INACTIVE_OUT_OF_STOCK -> StockState.OUT_OF_STOCK;
          default -> StockState.INACTIVE;
        };
        for (Variant v : p.variants()) {
          history.record(new StockObservation(tenant, p.id(), v.id(), day, Math.max(0, v.onHand()), v.cost(), state,
              ctx.inventory.lowStockThreshold(tenant, v.id())));
          n++;
        }
      }
      if (page.size() < PAGE) {
        return n;
      }
      after = page.get(page.size() - 1).id();
    }
  }
}

package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.internal.Check;
import dev.dropsync.inventory.analytics.spi.AnalyticsSnapshotStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Computes one day's {@link InventoryHealth} and {@link ProductAnalytics} rows of a tenant and saves
 * them in an {@link AnalyticsSnapshotStore} with one {@link AnalyticsSnapshotStore#saveDay} call.
 * Re-running a day replaces its rows (the store is idempotent per tenant, date and product), so a
 * scheduler can run it at least once per day without harm.
 *
 * <p>Day figures cover the day itself; closing stock, stock value and product counts use each
 * variant's last observation up to and including the day (within the window, so one missed feed
 * does not zero the stock); trailing figures (velocity, turnover, return rate, score,
 * average stock, sell-through) cover {@link Builder#window(int) window} days ending with the day
 * (default 30). Only completed days can be snapshotted: "today" comes from the injected {@link
 * Clock} in the tenant's zone.
 *
 * <pre>{@code
 * DailySnapshotter snapshotter = DailySnapshotter.builder()
 *     .analytics(analytics).store(new InMemoryAnalyticsSnapshotStore()).clock(clock).build();
 * snapshotter.snapshotPreviousDay(tenant);   // e.g. from a nightly job
 * }</pre>
 *
 * <p>Immutable and thread-safe; concurrency of two runs of the same day is resolved by the store
 * (last write wins with identical content).
 *
 * @since 0.1.0
 */
public final class DailySnapshotter {

  private final InventoryAnalytics analytics;
  private final AnalyticsSnapshotStore store;
  private final Clock clock;
  private final int window;
  private final PerformanceScore score;

  private DailySnapshotter(Builder b) {
    this.analytics = Check.notNull(b.analytics, "analytics");
    this.store = Check.notNull(b.store, "store");
    this.clock = Check.notNull(b.clock, "clock");
    this.window = b.window;
    this.score = b.score;
  }

  /** A new builder; analytics, store and clock are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Snapshots yesterday (the last completed day in the tenant's zone per the clock).
   *
   * @return what was stored
   */
  public DailySnapshot snapshotPreviousDay(TenantId tenant) {
    Check.notNull(tenant, "tenant");
    LocalDate today = LocalDate.now(clock.withZone(analytics.tenantSettings().settingsFor(tenant).zone()));
    return snapshot(tenant, today.minusDays(1));
  }

  /**
   * Computes and stores the snapshots of {@code date}.
   *
   * @return what was stored
   * @throws InvalidInputException if {@code date} is not before today in the tenant's zone
   */
  public DailySnapshot snapshot(TenantId tenant, LocalDate date) {
    Check.notNull(tenant, "tenant");
    Check.notNull(date, "date");
    LocalDate today = LocalDate.now(clock.withZone(analytics.tenantSettings().settingsFor(tenant).zone()));
    if (!date.isBefore(today)) {
      throw new InvalidInputException("date", date, "must be a completed day (before " + today + ")");
    }
    LocalDate next = date.plusDays(1);
    LocalDate windowStart = next.minusDays(window);
    Map<String, ProductKpis> day = new HashMap<>();
    for (ProductKpis k : analytics.products(tenant, date, next)) {
      day.put(k.product().value(), k);
    }
    List<ProductAnalytics> rows = new ArrayList<>();
    for (ProductKpis trailing : analytics.products(tenant, windowStart, next)) {
      ProductKpis d = day.get(trailing.product().value());
      rows.add(
          new ProductAnalytics(
              tenant,
              trailing.product(),
              date,
              d == null ? 0 : d.unitsSold(),
              d == null ? 0 : d.unitsReturned(),
              d == null ? Money.zero(trailing.revenue().currency()) : d.revenue(),
              d == null ? Money.zero(trailing.revenue().currency()) : d.profit(),
              trailing.returnRate(),
              trailing.velocity(),
              trailing.turnover(),
              trailing.daysOfInventory(),
              trailing.closingStock(),
              trailing.stockValue(),
              score.score(trailing)));
    }
    InventoryKpis dayKpis = analytics.inventory(tenant, date, next);
    InventoryKpis windowKpis = analytics.inventory(tenant, windowStart, next);
    InventoryHealth health =
        new InventoryHealth(
            tenant,
            date,
            windowKpis.stockValue(),
            windowKpis.activeProducts(),
            windowKpis.lowStockProducts(),
            windowKpis.outOfStockProducts(),
            windowKpis.inactiveProducts(),
            dayKpis.unitsSold(),
            dayKpis.revenue(),
            windowKpis.averageStock(),
            windowKpis.turnover(),
            windowKpis.daysOfInventory(),
            windowKpis.sellThrough());
    store.saveDay(health, rows);
    return new DailySnapshot(health, rows);
  }

  /**
   * Builds a {@link DailySnapshotter}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable InventoryAnalytics analytics;
    private @Nullable AnalyticsSnapshotStore store;
    private @Nullable Clock clock;
    private int window = 30;
    private PerformanceScore score = PerformanceScore.defaults();

    private Builder() {}

    /** The KPI calculator over the host's ledger and stock history (required). */
    public Builder analytics(InventoryAnalytics analytics) {
      this.analytics = Check.notNull(analytics, "analytics");
      return this;
    }

    /** Where snapshots are saved (required). */
    public Builder store(AnalyticsSnapshotStore store) {
      this.store = Check.notNull(store, "store");
      return this;
    }

    /** The clock deciding which days are complete (required). */
    public Builder clock(Clock clock) {
      this.clock = Check.notNull(clock, "clock");
      return this;
    }

    /** Trailing window in days, {@code >= 1}; default 30. @throws InvalidInputException if {@code < 1} */
    public Builder window(int days) {
      this.window = Check.positive(days, "window");
      return this;
    }

    /** The performance score; default {@link PerformanceScore#defaults()}. */
    public Builder score(PerformanceScore score) {
      this.score = Check.notNull(score, "score");
      return this;
    }

    /**
     * Builds the snapshotter.
     *
     * @throws InvalidInputException if a required part is missing
     */
    public DailySnapshotter build() {
      return new DailySnapshotter(this);
    }
  }
}

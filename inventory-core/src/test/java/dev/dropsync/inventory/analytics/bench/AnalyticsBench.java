package dev.dropsync.inventory.analytics.bench;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.DailySnapshotter;
import dev.dropsync.inventory.analytics.InMemoryAnalyticsSnapshotStore;
import dev.dropsync.inventory.analytics.InMemorySalesLedger;
import dev.dropsync.inventory.analytics.InMemoryStockHistory;
import dev.dropsync.inventory.analytics.InventoryAnalytics;
import dev.dropsync.inventory.analytics.Sale;
import dev.dropsync.inventory.analytics.StockObservation;
import dev.dropsync.inventory.analytics.StockState;
import dev.dropsync.inventory.analytics.TenantSettings;
import dev.dropsync.inventory.analytics.forecast.DemandForecaster;
import dev.dropsync.inventory.analytics.forecast.DemandHistory;
import dev.dropsync.inventory.analytics.forecast.ReorderPlanner;
import dev.dropsync.inventory.analytics.forecast.ReorderRequest;
import dev.dropsync.inventory.analytics.forecast.ReorderSuggestion;
import dev.dropsync.inventory.analytics.forecast.SyntheticDemand;
import dev.dropsync.inventory.analytics.spi.TenantSettingsSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A plain benchmark harness (no JMH: the module pom is owned by another helper). Each benchmark runs
 * warm-up iterations, then measured iterations, and prints ops/s per iteration and the mean. Run
 * with {@code inventory-core/bench-analytics.sh}.
 */
public final class AnalyticsBench {

  private static volatile double sink;

  private AnalyticsBench() {}

  /** Runs every benchmark. Args: [warmupIterations] [measuredIterations]. */
  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.out.printf(Locale.ROOT, "java %s, %d cores, warm-up %d, measured %d%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), warmup, measured);
    forecasts(warmup, measured);
    planningPass(warmup, measured);
    snapshot(warmup, measured);
  }

  /** Forecasts per second on 90-day histories (half smooth seasonal, half intermittent), 44-day horizon. */
  static void forecasts(int warmup, int measured) {
    List<DemandHistory> histories = histories(2_000, 90);
    DemandForecaster forecaster = DemandForecaster.defaults();
    run("forecast (90-day history, 44-day horizon)", "forecasts", warmup, measured, histories.size() * 10, () -> {
      double s = 0;
      for (int rep = 0; rep < 10; rep++) {
        for (DemandHistory h : histories) {
          s += forecaster.predict(h, 44).daily().get(0);
        }
      }
      sink = s;
    });
  }

  /** One reorder planning pass over 100,000 products (90-day histories). */
  static void planningPass(int warmup, int measured) {
    List<DemandHistory> histories = histories(100_000, 90);
    TenantId tenant = TenantId.of("bench");
    List<ReorderRequest> requests = new ArrayList<>(histories.size());
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < histories.size(); i++) {
      requests.add(new ReorderRequest(tenant, ProductId.of("p" + i), VariantId.of("v" + i), histories.get(i), r.nextInt(200), r.nextInt(50)));
    }
    ReorderPlanner planner = ReorderPlanner.builder().build();
    run("reorder planning pass (100,000 products)", "passes", warmup, measured, 1, () -> {
      List<ReorderSuggestion> out = planner.suggestAll(requests);
      sink = out.get(out.size() - 1).suggestedQuantity();
    });
  }

  /** A daily snapshot of a tenant with 2,000 products (30-day window, 20 sales per product). */
  static void snapshot(int warmup, int measured) {
    TenantId tenant = TenantId.of("bench");
    InMemorySalesLedger ledger = new InMemorySalesLedger();
    InMemoryStockHistory stock = new InMemoryStockHistory();
    LocalDate start = LocalDate.of(2026, 10, 1);
    SplittableRandom r = new SplittableRandom(2);
    Money price = Money.of("20.00", "USD");
    Money cost = Money.of("8.00", "USD");
    for (int p = 0; p < 2_000; p++) {
      ProductId pid = ProductId.of("p" + p);
      VariantId vid = VariantId.of("v" + p);
      for (int d = 0; d < 31; d++) {
        stock.record(new StockObservation(tenant, pid, vid, start.plusDays(d), r.nextInt(100), cost, StockState.ACTIVE, 5));
      }
      for (int k = 0; k < 20; k++) {
        Instant at = start.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(r.nextInt(31 * 86_400));
        ledger.recordSale(new Sale(tenant, pid, vid, 1 + r.nextInt(3), price, cost, at, "o" + p + "-" + k));
      }
    }
    InventoryAnalytics analytics = InventoryAnalytics.builder().salesLedger(ledger).stockHistory(stock)
        .tenantSettings(TenantSettingsSource.fixed(new TenantSettings(ZoneOffset.UTC, Currency.getInstance("USD"))))
        .build();
    DailySnapshotter snapshotter = DailySnapshotter.builder().analytics(analytics).store(new InMemoryAnalyticsSnapshotStore())
        .clock(Clock.fixed(Instant.parse("2026-11-02T00:00:00Z"), ZoneOffset.UTC)).build();
    run("daily snapshot (2,000 products, 30-day window)", "products", warmup, measured, 2_000, () ->
        sink = snapshotter.snapshot(tenant, LocalDate.of(2026, 10, 31)).products().size());
  }

  static List<DemandHistory> histories(int n, int days) {
    List<DemandHistory> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(i % 2 == 0
          ? SyntheticDemand.seasonal(i, days, 5 + (i % 40), 0.02, 2, null)
          : SyntheticDemand.intermittent(i, days, 0.2, 2));
    }
    return out;
  }

  private static void run(String name, String unit, int warmup, int measured, int opsPerCall, Runnable body) {
    for (int i = 0; i < warmup; i++) {
      long t0 = System.nanoTime();
      body.run();
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "  %-48s warm-up %d: %,.1f %s/s (%.3f s)%n", name, i + 1, opsPerCall / s, unit, s);
    }
    double total = 0;
    double[] rates = new double[measured];
    for (int i = 0; i < measured; i++) {
      long t0 = System.nanoTime();
      body.run();
      double s = (System.nanoTime() - t0) / 1e9;
      rates[i] = opsPerCall / s;
      total += s;
      System.out.printf(Locale.ROOT, "  %-48s iter %d: %,.1f %s/s (%.3f s)%n", name, i + 1, rates[i], unit, s);
    }
    double mean = measured * opsPerCall / total;
    double min = Double.MAX_VALUE;
    double max = 0;
    for (double v : rates) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    System.out.printf(Locale.ROOT, "RESULT %-48s %,.1f %s/s (min %,.1f, max %,.1f; %,.3f ms per call)%n",
        name, mean, unit, min, max, 1e3 * total / measured);
  }
}

package dev.dropsync.examples.demo;

import dev.dropsync.cj.testkit.Fault;
import dev.dropsync.fulfillment.EarningsTotals;
import dev.dropsync.fulfillment.FulfillmentKpis;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.SyncRun;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The demo's summary, read from the stores (and the CJ client's listener and the simulator's
 * recorder) after the run.
 *
 * @param target {@code embedded simulator} or the server's base URL
 * @param stores where the data lives ({@link DemoStores#description()})
 * @param premiumTenant the run's Premium tenant
 * @param freeTenant the run's Free tenant
 * @param catalogTotal products CJ lists
 * @param products products the Premium tenant has
 * @param variants their variants
 * @param freeActive products the Free tenant has active
 * @param planLimitRefusal the message of the Free tenant's {@code PlanLimitExceededException}
 * @param productsSynced products of the Premium tenant synced (in some pass)
 * @param syncRuns the sync passes
 * @param firstPassFailures products the first pass could not sync
 * @param syncTime the sync's time on the demo's clock
 * @param deactivated Premium products switched off for lack of stock, now
 * @param deactivatedBySync of those, switched off by the sync
 * @param priceChanges variant retail prices the sync changed
 * @param lowStockAlerts open LOW_STOCK alerts
 * @param outOfStockAlerts open OUT_OF_STOCK alerts
 * @param alertsDelivered alerts handed to the alert sink
 * @param supplierOrders the supplier orders, as they ended
 * @param ordersPlaced supplier orders CJ holds
 * @param ordersTracked supplier orders with a tracking number
 * @param earnings the commission split of the orders (USD), null without orders
 * @param kpis the fulfilment KPIs of the run
 * @param cjCalls HTTP attempts the client sent
 * @param callsByEndpoint those per endpoint
 * @param retries attempts the client retried
 * @param serverThrottles throttle answers from CJ
 * @param limiterWait time calls waited for the client's QPS limiter, summed over calls
 * @param throttleWait time calls waited after CJ throttle answers, summed over calls
 * @param analytics the analytics snapshot of the orders' day, or null when none was taken (a
 *     remote server: the day is not over)
 * @param simulator what the embedded simulator saw, or null for a remote server
 * @param wallTime the run's real time
 * @since 0.1.0
 */
public record DemoReport(
    String target,
    String stores,
    String premiumTenant,
    String freeTenant,
    long catalogTotal,
    int products,
    int variants,
    int freeActive,
    String planLimitRefusal,
    int productsSynced,
    List<SyncRun> syncRuns,
    int firstPassFailures,
    Duration syncTime,
    int deactivated,
    int deactivatedBySync,
    int priceChanges,
    int lowStockAlerts,
    int outOfStockAlerts,
    int alertsDelivered,
    List<SupplierOrder> supplierOrders,
    int ordersPlaced,
    int ordersTracked,
    @Nullable EarningsTotals earnings,
    FulfillmentKpis kpis,
    long cjCalls,
    Map<String, Long> callsByEndpoint,
    long retries,
    long serverThrottles,
    Duration limiterWait,
    Duration throttleWait,
    @Nullable Analytics analytics,
    @Nullable Simulator simulator,
    Duration wallTime) {

  /**
   * The {@code analytics_snapshot} of one day, as stored.
   *
   * @param day the day (UTC)
   * @param stockObservations closing stock observations recorded (variants)
   * @param productsAnalysed product analytics rows saved
   * @param unitsSold units sold that day (the sales ledger)
   * @param revenue their revenue
   * @param stockValue closing stock at cost
   * @param activeProducts active products at the close
   * @param lowStockProducts products at or below their low-stock threshold
   * @param outOfStockProducts products without stock
   * @param orders orders in the day's fulfilment metrics
   * @since 0.1.0
   */
  public record Analytics(LocalDate day, int stockObservations, int productsAnalysed, long unitsSold, Money revenue,
      Money stockValue, int activeProducts, int lowStockProducts, int outOfStockProducts, int orders) {
    /**
     * Checks for nulls.
     *
     * @param day see the record component
     * @param stockObservations see the record component
     * @param productsAnalysed see the record component
     * @param unitsSold see the record component
     * @param revenue see the record component
     * @param stockValue see the record component
     * @param activeProducts see the record component
     * @param lowStockProducts see the record component
     * @param outOfStockProducts see the record component
     * @param orders see the record component
     */
    public Analytics {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(revenue, "revenue");
      Objects.requireNonNull(stockValue, "stockValue");
    }
  }

  /**
   * What the embedded simulator recorded.
   *
   * @param calls calls it received
   * @param throttleViolations calls it throttled because the client broke the QPS limit
   * @param duplicateOrderNumbers order numbers it holds more than one order for
   * @param cjOrders orders it holds
   * @param faultsInjected faults it injected, per kind
   * @since 0.1.0
   */
  public record Simulator(int calls, int throttleViolations, Set<String> duplicateOrderNumbers, int cjOrders,
      Map<Fault.Kind, Integer> faultsInjected) {
    /**
     * Copies the collections.
     *
     * @param calls see the record component
     * @param throttleViolations see the record component
     * @param duplicateOrderNumbers see the record component
     * @param cjOrders see the record component
     * @param faultsInjected see the record component
     */
    public Simulator {
      duplicateOrderNumbers = Set.copyOf(duplicateOrderNumbers);
      faultsInjected = Map.copyOf(faultsInjected);
    }

    /**
     * All faults injected.
     *
     * @return the total
     * @since 0.1.0
     */
    public int faults() {
      return faultsInjected.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * Copies the collections.
   *
   * @param target see the record component
   * @param stores see the record component
   * @param premiumTenant see the record component
   * @param freeTenant see the record component
   * @param catalogTotal see the record component
   * @param products see the record component
   * @param variants see the record component
   * @param freeActive see the record component
   * @param planLimitRefusal see the record component
   * @param productsSynced see the record component
   * @param syncRuns see the record component
   * @param firstPassFailures see the record component
   * @param syncTime see the record component
   * @param deactivated see the record component
   * @param deactivatedBySync see the record component
   * @param priceChanges see the record component
   * @param lowStockAlerts see the record component
   * @param outOfStockAlerts see the record component
   * @param alertsDelivered see the record component
   * @param supplierOrders see the record component
   * @param ordersPlaced see the record component
   * @param ordersTracked see the record component
   * @param earnings see the record component
   * @param kpis see the record component
   * @param cjCalls see the record component
   * @param callsByEndpoint see the record component
   * @param retries see the record component
   * @param serverThrottles see the record component
   * @param limiterWait see the record component
   * @param throttleWait see the record component
   * @param analytics see the record component
   * @param simulator see the record component
   * @param wallTime see the record component
   */
  public DemoReport {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(premiumTenant, "premiumTenant");
    Objects.requireNonNull(freeTenant, "freeTenant");
    syncRuns = List.copyOf(syncRuns);
    supplierOrders = List.copyOf(supplierOrders);
    callsByEndpoint = Map.copyOf(callsByEndpoint);
  }

  /**
   * Prints the summary block.
   *
   * @param out where to print
   * @since 0.1.0
   */
  public void print(PrintStream out) {
    out.println();
    out.println("Summary");
    row(out, "CJ", target);
    row(out, "stores", stores);
    row(out, "tenants", premiumTenant + " (PREMIUM), " + freeTenant + " (FREE)");
    SyncRun first = syncRuns.isEmpty() ? null : syncRuns.get(0);
    row(out, "products synced", f("%d of %d (%d variants): %d updated, %d unchanged in the first pass%s", productsSynced,
        products, variants, first == null ? 0 : first.updated(), first == null ? 0 : first.unchanged(),
        firstPassFailures == 0 ? ", none failed" : "; " + firstPassFailures + " failed after retries and were synced in "
            + (syncRuns.size() - 1) + " more pass(es)"));
    row(out, "sync time", ProgressBar.seconds(syncTime) + " on the demo's clock");
    row(out, "deactivated", f("%d products out of stock (%d switched off by the sync)", deactivated, deactivatedBySync));
    row(out, "prices", f("%d variant prices changed under the markup rule", priceChanges));
    row(out, "stock alerts", f("%d low stock, %d out of stock (%d delivered)", lowStockAlerts, outOfStockAlerts,
        alertsDelivered));
    row(out, "plan limit", f("Free tenant: %d active, 11th refused: %s", freeActive, planLimitRefusal));
    row(out, "orders", f("%d supplier orders placed at CJ, %d with a tracking number", ordersPlaced, ordersTracked));
    EarningsTotals e = earnings;
    row(out, "commission", e == null ? "no orders" : f("%s over %d orders: store owner %s (30 %%), platform %s (70 %%)",
        e.base(), e.entries(), e.client(), e.platform()));
    String perStatus = kpis.ordersPerStatus().entrySet().stream().filter(en -> en.getValue() > 0)
        .map(en -> en.getValue() + " " + en.getKey().name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    row(out, "KPIs", f("%d orders (%s); created->shipped avg %s, p95 %s; success rate %s; revenue %s", kpis.orders(),
        perStatus.isEmpty() ? "none" : perStatus, kpis.avgToShip().map(DemoReport::human).orElse("-"),
        kpis.p95ToShip().map(DemoReport::human).orElse("-"),
        kpis.successRate().isPresent() ? f("%.0f %%", kpis.successRate().getAsDouble() * 100) : "-",
        kpis.revenue().isEmpty() ? "-"
            : kpis.revenue().values().stream().map(Object::toString).collect(Collectors.joining(", "))));
    Analytics a = analytics;
    row(out, "analytics", a == null ? "no day completed during the run (the analytics_snapshot schedule stores it)"
        : f("%s: %d units sold, revenue %s; stock value %s over %d variants; %d products analysed", a.day(),
            a.unitsSold(), a.revenue(), a.stockValue(), a.stockObservations(), a.productsAnalysed()));
    double itemRate = first == null || first.processed() == 0 ? 1.0
        : (double) (first.updated() + first.unchanged()) / first.processed();
    row(out, "sync KPIs", f("first pass item success %.1f %%; %d sync run(s)", itemRate * 100, syncRuns.size()));
    String top = callsByEndpoint.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(6).map(en -> en.getValue() + " " + en.getKey()).collect(Collectors.joining(", "));
    row(out, "CJ calls", f("%d HTTP calls (%s), %d retried, %d throttle answers", cjCalls, top, retries, serverThrottles));
    row(out, "rate limit", f("%s waited for the client's QPS limiter, %s after throttle answers (summed over calls)",
        ProgressBar.seconds(limiterWait), ProgressBar.seconds(throttleWait)));
    Simulator s = simulator;
    if (s != null) {
      String faults = s.faults() == 0 ? "no faults injected" : s.faults() + " faults injected ("
          + s.faultsInjected().entrySet().stream().map(en -> en.getValue() + " " + en.getKey().name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", ")) + ")";
      row(out, "simulator", f("%d calls received, %d throttle violations, %d duplicate orders, %d CJ orders; %s",
          s.calls(), s.throttleViolations(), s.duplicateOrderNumbers().size(), s.cjOrders(), faults));
    }
    row(out, "wall time", ProgressBar.seconds(wallTime));
  }

  /**
   * Orders in a status, from the KPIs.
   *
   * @param status the status
   * @return how many of the run's orders are in it
   * @since 0.1.0
   */
  public long orders(OrderStatus status) {
    return kpis.ordersPerStatus().getOrDefault(status, 0L);
  }

  private static void row(PrintStream out, String label, String text) {
    out.printf("  %-16s %s%n", label, text);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** {@code 2 d 1 h}, {@code 15 h 29 min} or seconds: a duration for people. */
  static String human(Duration d) {
    long minutes = d.toMinutes();
    if (minutes >= 60 * 24) {
      return f("%d d %d h", minutes / (60 * 24), (minutes / 60) % 24);
    }
    if (minutes >= 60) {
      return f("%d h %d min", minutes / 60, minutes % 60);
    }
    return ProgressBar.seconds(d);
  }
}

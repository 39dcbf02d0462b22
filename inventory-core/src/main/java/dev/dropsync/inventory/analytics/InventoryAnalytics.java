package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.forecast.DemandHistory;
import dev.dropsync.inventory.analytics.internal.Check;
import dev.dropsync.inventory.analytics.spi.SalesLedger;
import dev.dropsync.inventory.analytics.spi.StockHistory;
import dev.dropsync.inventory.analytics.spi.TenantSettingsSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Computes sales and inventory KPIs from stored events: sales and returns from a {@link
 * SalesLedger}, daily closing stock from a {@link StockHistory}. Periods are calendar days {@code
 * [from, to)} in the tenant's zone ({@link TenantSettingsSource}); a sale belongs to the day its
 * instant falls on in that zone. All amounts are reported in the tenant's currency; an event in
 * another currency throws {@link dev.dropsync.inventory.CurrencyMismatchException}. A ratio with a
 * zero denominator is an empty {@link Optional}, never NaN.
 *
 * <p>Definitions (see {@link ProductKpis} and {@link InventoryKpis} for every field):
 *
 * <ul>
 *   <li>turnover = COGS ÷ average inventory value at cost, the average being the mean of the daily
 *       closing values of the days that have observations;
 *   <li>days of inventory = days in the period ÷ turnover;
 *   <li>sell-through = units sold ÷ (units sold + closing on-hand);
 *   <li>return rate = units returned (by return date) ÷ units sold in the same period.
 * </ul>
 *
 * <p>Immutable and thread-safe once built; it holds no state of its own.
 *
 * @since 0.1.0
 */
public final class InventoryAnalytics {

  /** Decimal places of every ratio (turnover, rates, velocity, averages): {@value}. */
  public static final int RATIO_SCALE = 4;

  private final SalesLedger salesLedger;
  private final StockHistory stockHistory;
  private final TenantSettingsSource tenantSettings;

  private InventoryAnalytics(Builder b) {
    this.salesLedger = Check.notNull(b.salesLedger, "salesLedger");
    this.stockHistory = Check.notNull(b.stockHistory, "stockHistory");
    this.tenantSettings = Check.notNull(b.tenantSettings, "tenantSettings");
  }

  /** A new builder; sales ledger, stock history and tenant settings are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The ledger this instance reads. */
  public SalesLedger salesLedger() {
    return salesLedger;
  }

  /** The stock history this instance reads. */
  public StockHistory stockHistory() {
    return stockHistory;
  }

  /** The tenant settings source this instance uses. */
  public TenantSettingsSource tenantSettings() {
    return tenantSettings;
  }

  /**
   * KPIs of one product over {@code [from, to)}.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if an argument is null or {@code from >=
   *     to}
   * @throws dev.dropsync.inventory.CurrencyMismatchException if an event is not in the tenant's
   *     currency
   */
  public ProductKpis product(TenantId tenant, ProductId product, LocalDate from, LocalDate to) {
    Check.notNull(tenant, "tenant");
    Check.notNull(product, "product");
    Check.range(from, to);
    TenantSettings settings = tenantSettings.settingsFor(tenant);
    Instant start = start(from, settings.zone());
    Instant end = start(to, settings.zone());
    return productKpis(
        tenant,
        product,
        from,
        to,
        settings,
        salesLedger.sales(tenant, product, start, end),
        salesLedger.returns(tenant, product, start, end),
        stockHistory.observations(tenant, product, from, to));
  }

  /**
   * KPIs of every product that has a sale, a return or a stock observation in {@code [from, to)},
   * ordered by product id.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if an argument is null or {@code from >=
   *     to}
   * @throws dev.dropsync.inventory.CurrencyMismatchException if an event is not in the tenant's
   *     currency
   */
  public List<ProductKpis> products(TenantId tenant, LocalDate from, LocalDate to) {
    Check.notNull(tenant, "tenant");
    Check.range(from, to);
    TenantSettings settings = tenantSettings.settingsFor(tenant);
    Instant start = start(from, settings.zone());
    Instant end = start(to, settings.zone());
    Map<ProductId, List<Sale>> sales = new HashMap<>();
    Map<ProductId, List<SaleReturn>> returns = new HashMap<>();
    Map<ProductId, List<StockObservation>> observations = new HashMap<>();
    TreeSet<String> ids = new TreeSet<>();
    Map<String, ProductId> byValue = new HashMap<>();
    for (Sale s : salesLedger.sales(tenant, start, end)) {
      sales.computeIfAbsent(s.product(), k -> new ArrayList<>()).add(s);
      ids.add(s.product().value());
      byValue.put(s.product().value(), s.product());
    }
    for (SaleReturn r : salesLedger.returns(tenant, start, end)) {
      returns.computeIfAbsent(r.product(), k -> new ArrayList<>()).add(r);
      ids.add(r.product().value());
      byValue.put(r.product().value(), r.product());
    }
    for (StockObservation o : stockHistory.observations(tenant, from, to)) {
      observations.computeIfAbsent(o.product(), k -> new ArrayList<>()).add(o);
      ids.add(o.product().value());
      byValue.put(o.product().value(), o.product());
    }
    List<ProductKpis> result = new ArrayList<>(ids.size());
    for (String id : ids) {
      ProductId p = byValue.get(id);
      if (p == null) {
        continue;
      }
      result.add(
          productKpis(
              tenant,
              p,
              from,
              to,
              settings,
              sales.getOrDefault(p, List.of()),
              returns.getOrDefault(p, List.of()),
              observations.getOrDefault(p, List.of())));
    }
    return List.copyOf(result);
  }

  /**
   * KPIs of the tenant's whole inventory over {@code [from, to)}.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if an argument is null or {@code from >=
   *     to}
   * @throws dev.dropsync.inventory.CurrencyMismatchException if an event is not in the tenant's
   *     currency
   */
  public InventoryKpis inventory(TenantId tenant, LocalDate from, LocalDate to) {
    Check.notNull(tenant, "tenant");
    Check.range(from, to);
    TenantSettings settings = tenantSettings.settingsFor(tenant);
    Instant start = start(from, settings.zone());
    Instant end = start(to, settings.zone());
    Currency currency = settings.currency();
    SalesTotals totals =
        salesTotals(salesLedger.sales(tenant, start, end), salesLedger.returns(tenant, start, end), currency);
    List<StockObservation> observations = stockHistory.observations(tenant, from, to);
    StockTotals stock = stockTotals(observations, currency);
    int days = (int) ChronoUnit.DAYS.between(from, to);

    Map<ProductId, List<StockObservation>> closingByProduct = new HashMap<>();
    for (StockObservation o : stock.closing.values()) {
      closingByProduct.computeIfAbsent(o.product(), k -> new ArrayList<>()).add(o);
    }
    int active = 0;
    int low = 0;
    int out = 0;
    int inactive = 0;
    for (List<StockObservation> variants : closingByProduct.values()) {
      switch (classify(variants)) {
        case LOW:
          low++;
          active++;
          break;
        case ACTIVE:
          active++;
          break;
        case OUT:
          out++;
          break;
        default:
          inactive++;
          break;
      }
    }
    Optional<BigDecimal> turnover = turnover(totals.cogs, stock);
    return new InventoryKpis(
        tenant,
        from,
        to,
        days,
        totals.unitsSold,
        totals.unitsReturned,
        totals.revenue,
        totals.cogs,
        stock.closingValue,
        active,
        low,
        out,
        inactive,
        stock.averageStock,
        stock.averageValue,
        turnover,
        daysOfInventory(days, totals.cogs, stock),
        stock.observed
            ? ratio(
                BigDecimal.valueOf(totals.unitsSold),
                BigDecimal.valueOf(totals.unitsSold + stock.closingStock))
            : Optional.empty());
  }

  /**
   * The daily demand history of one product (all its variants) over {@code [from, to)}, for the
   * forecasters in {@code dev.dropsync.inventory.analytics.forecast}: units sold per day, and whether
   * the product was sellable that day (days with no stock observation count as sellable).
   *
   * @throws dev.dropsync.inventory.InvalidInputException if an argument is null or {@code from >=
   *     to}
   */
  public DemandHistory demandHistory(TenantId tenant, ProductId product, LocalDate from, LocalDate to) {
    return history(tenant, product, null, from, to);
  }

  /**
   * The daily demand history of one variant over {@code [from, to)}; see {@link
   * #demandHistory(TenantId, ProductId, LocalDate, LocalDate)}.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if an argument is null or {@code from >=
   *     to}
   */
  public DemandHistory demandHistory(
      TenantId tenant, ProductId product, VariantId variant, LocalDate from, LocalDate to) {
    Check.notNull(variant, "variant");
    return history(tenant, product, variant, from, to);
  }

  private DemandHistory history(
      TenantId tenant, ProductId product, @Nullable VariantId variant, LocalDate from, LocalDate to) {
    Check.notNull(tenant, "tenant");
    Check.notNull(product, "product");
    Check.range(from, to);
    ZoneId zone = tenantSettings.settingsFor(tenant).zone();
    int days = (int) ChronoUnit.DAYS.between(from, to);
    double[] demand = new double[days];
    for (Sale s : salesLedger.sales(tenant, product, start(from, zone), start(to, zone))) {
      if (variant == null || variant.equals(s.variant())) {
        int i = (int) ChronoUnit.DAYS.between(from, LocalDate.ofInstant(s.at(), zone));
        if (i >= 0 && i < days) {
          demand[i] += s.quantity();
        }
      }
    }
    List<StockObservation> obs = new ArrayList<>();
    for (StockObservation o : stockHistory.observations(tenant, product, from, to)) {
      if (variant == null || variant.equals(o.variant())) {
        obs.add(o);
      }
    }
    boolean[] available = sellableDays(obs, from, days);
    return DemandHistory.of(from, demand, available);
  }

  // ---------------------------------------------------------------- computation

  private static ProductKpis productKpis(
      TenantId tenant,
      ProductId product,
      LocalDate from,
      LocalDate to,
      TenantSettings settings,
      List<Sale> sales,
      List<SaleReturn> returns,
      List<StockObservation> observations) {
    Currency currency = settings.currency();
    int days = (int) ChronoUnit.DAYS.between(from, to);
    SalesTotals totals = salesTotals(sales, returns, currency);
    StockTotals stock = stockTotals(observations, currency);
    int sellable = 0;
    for (boolean b : sellableDays(observations, from, days)) {
      if (b) {
        sellable++;
      }
    }
    Money profit = totals.revenue.minus(totals.cogs);
    Optional<BigDecimal> turnover = turnover(totals.cogs, stock);
    return new ProductKpis(
        tenant,
        product,
        from,
        to,
        days,
        sellable,
        totals.unitsSold,
        totals.unitsReturned,
        totals.revenue,
        totals.cogs,
        profit,
        ratio(profit.amount(), totals.revenue.amount()),
        ratio(BigDecimal.valueOf(totals.unitsReturned), BigDecimal.valueOf(totals.unitsSold)),
        ratio(BigDecimal.valueOf(totals.unitsSold), BigDecimal.valueOf(sellable)),
        stock.averageStock,
        stock.averageValue,
        turnover,
        daysOfInventory(days, totals.cogs, stock),
        stock.observed
            ? ratio(
                BigDecimal.valueOf(totals.unitsSold),
                BigDecimal.valueOf(totals.unitsSold + stock.closingStock))
            : Optional.empty(),
        stock.closingStock,
        stock.closingValue);
  }

  private static boolean[] sellableDays(List<StockObservation> observations, LocalDate from, int days) {
    boolean[] observed = new boolean[days];
    boolean[] sellable = new boolean[days];
    for (StockObservation o : observations) {
      int i = (int) ChronoUnit.DAYS.between(from, o.date());
      if (i >= 0 && i < days) {
        observed[i] = true;
        sellable[i] |= o.sellable();
      }
    }
    boolean[] result = new boolean[days];
    for (int i = 0; i < days; i++) {
      result[i] = !observed[i] || sellable[i];
    }
    return result;
  }

  private static final class SalesTotals {
    long unitsSold;
    long unitsReturned;
    Money revenue;
    Money cogs;

    SalesTotals(Currency currency) {
      revenue = Money.zero(currency);
      cogs = Money.zero(currency);
    }
  }

  private static SalesTotals salesTotals(List<Sale> sales, List<SaleReturn> returns, Currency currency) {
    SalesTotals t = new SalesTotals(currency);
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal cogs = BigDecimal.ZERO;
    for (Sale s : sales) {
      Money r = s.revenue();
      t.revenue.requireSameCurrency(r);
      revenue = revenue.add(r.amount());
      cogs = cogs.add(s.cost().amount());
      t.unitsSold += s.quantity();
    }
    t.revenue = Money.of(revenue, currency);
    t.cogs = Money.of(cogs, currency);
    for (SaleReturn r : returns) {
      t.unitsReturned += r.quantity();
    }
    return t;
  }

  private static final class StockTotals {
    boolean observed;
    Optional<BigDecimal> averageStock = Optional.empty();
    Optional<Money> averageValue = Optional.empty();
    @Nullable BigDecimal averageValueExact;
    long closingStock;
    Money closingValue;
    Map<VariantId, StockObservation> closing = new HashMap<>();

    StockTotals(Currency currency) {
      closingValue = Money.zero(currency);
    }
  }

  private static StockTotals stockTotals(List<StockObservation> observations, Currency currency) {
    StockTotals t = new StockTotals(currency);
    if (observations.isEmpty()) {
      return t;
    }
    Money zero = Money.zero(currency);
    TreeMap<LocalDate, BigDecimal> valueByDay = new TreeMap<>();
    Map<LocalDate, Long> unitsByDay = new HashMap<>();
    for (StockObservation o : observations) {
      zero.requireSameCurrency(o.unitCost());
      valueByDay.merge(o.date(), o.value().amount(), BigDecimal::add);
      unitsByDay.merge(o.date(), o.onHand(), Long::sum);
      StockObservation prev = t.closing.get(o.variant());
      if (prev == null || prev.date().isBefore(o.date())) {
        t.closing.put(o.variant(), o);
      }
    }
    t.observed = true;
    BigDecimal n = BigDecimal.valueOf(valueByDay.size());
    BigDecimal valueSum = valueByDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    long unitSum = unitsByDay.values().stream().mapToLong(Long::longValue).sum();
    t.averageValueExact = valueSum.divide(n, 12, RoundingMode.HALF_EVEN);
    t.averageValue = Optional.of(Money.of(t.averageValueExact, currency));
    t.averageStock =
        Optional.of(BigDecimal.valueOf(unitSum).divide(n, RATIO_SCALE, RoundingMode.HALF_EVEN));
    BigDecimal closingValue = BigDecimal.ZERO;
    for (StockObservation o : t.closing.values()) {
      t.closingStock += o.onHand();
      closingValue = closingValue.add(o.value().amount());
    }
    t.closingValue = Money.of(closingValue, currency);
    return t;
  }

  private enum Status {
    ACTIVE,
    LOW,
    OUT,
    INACTIVE
  }

  private static Status classify(List<StockObservation> variants) {
    long liveUnits = 0;
    boolean anyLive = false;
    boolean anyActiveState = false;
    boolean low = false;
    for (StockObservation o : variants) {
      if (o.state() == StockState.INACTIVE) {
        continue;
      }
      anyLive = true;
      liveUnits += o.onHand();
      if (o.state() == StockState.ACTIVE) {
        anyActiveState = true;
        if (o.lowStockThreshold() > 0 && o.onHand() <= o.lowStockThreshold()) {
          low = true;
        }
      }
    }
    if (!anyLive) {
      return Status.INACTIVE;
    }
    if (liveUnits == 0 || !anyActiveState) {
      return Status.OUT;
    }
    return low ? Status.LOW : Status.ACTIVE;
  }

  private static Optional<BigDecimal> turnover(Money cogs, StockTotals stock) {
    BigDecimal average = stock.averageValueExact;
    if (average == null) {
      return Optional.empty();
    }
    return ratio(cogs.amount(), average);
  }

  // days ÷ turnover = days × average ÷ cogs, computed without rounding the turnover first.
  private static Optional<BigDecimal> daysOfInventory(int days, Money cogs, StockTotals stock) {
    BigDecimal average = stock.averageValueExact;
    if (average == null || average.signum() == 0) {
      return Optional.empty();
    }
    return ratio(BigDecimal.valueOf(days).multiply(average), cogs.amount());
  }

  static Optional<BigDecimal> ratio(BigDecimal numerator, BigDecimal denominator) {
    if (denominator.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_EVEN));
  }

  static Instant start(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }

  /**
   * Builds an {@link InventoryAnalytics}. Not thread-safe; the built instance is immutable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable SalesLedger salesLedger;
    private @Nullable StockHistory stockHistory;
    private @Nullable TenantSettingsSource tenantSettings;

    private Builder() {}

    /** The ledger of sales and returns (required). */
    public Builder salesLedger(SalesLedger salesLedger) {
      this.salesLedger = Check.notNull(salesLedger, "salesLedger");
      return this;
    }

    /** The daily closing stock history (required). */
    public Builder stockHistory(StockHistory stockHistory) {
      this.stockHistory = Check.notNull(stockHistory, "stockHistory");
      return this;
    }

    /** Each tenant's zone and currency (required). */
    public Builder tenantSettings(TenantSettingsSource tenantSettings) {
      this.tenantSettings = Check.notNull(tenantSettings, "tenantSettings");
      return this;
    }

    /**
     * Builds the instance.
     *
     * @throws dev.dropsync.inventory.InvalidInputException if a required part is missing
     */
    public InventoryAnalytics build() {
      return new InventoryAnalytics(this);
    }
  }
}

package dev.dropsync.examples.demo;

import dev.dropsync.automation.Automation;
import dev.dropsync.automation.DaySnapshot;
import dev.dropsync.automation.EncryptedSecretStore;
import dev.dropsync.automation.SecretKeyRing;
import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.automation.TenantAutomation;
import dev.dropsync.automation.TenantOnboarding;
import dev.dropsync.cj.CjAuthenticationException;
import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjException;
import dev.dropsync.cj.CjInvalidRequestException;
import dev.dropsync.cj.CjNotFoundException;
import dev.dropsync.cj.CjPaymentException;
import dev.dropsync.cj.CjQuotaExceededException;
import dev.dropsync.cj.model.Balance;
import dev.dropsync.cj.model.Page;
import dev.dropsync.cj.model.Product;
import dev.dropsync.cj.model.ProductListRequest;
import dev.dropsync.cj.supplier.CjPayment;
import dev.dropsync.cj.supplier.CjSupplier;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.Fault;
import dev.dropsync.cj.testkit.RecordedCall;
import dev.dropsync.examples.SchedulesExample;
import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.EarningsTotals;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.FulfillmentKpis;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderRequest;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.StepFailedException;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.spi.RecordingNotifier;
import dev.dropsync.inventory.ImportResult;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.InventoryException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.PlanLimitExceededException;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.SyncHandle;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.pricing.CharmRounding;
import dev.dropsync.inventory.pricing.CostTier;
import dev.dropsync.inventory.pricing.PricingRule;
import dev.dropsync.inventory.analytics.DailySnapshot;
import dev.dropsync.inventory.analytics.DailySnapshotter;
import dev.dropsync.inventory.analytics.InventoryAnalytics;
import dev.dropsync.inventory.analytics.InventoryHealth;
import dev.dropsync.inventory.analytics.Sale;
import dev.dropsync.inventory.analytics.TenantSettings;
import dev.dropsync.inventory.analytics.spi.TenantSettingsSource;
import dev.dropsync.inventory.pricing.PricingScope;
import dev.dropsync.inventory.spi.InventoryListener;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.Scheduler;
import dev.dropsync.scheduler.TaskStatus;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The demo: a dropshipping back-end run end to end, the way a host wires dropsync.
 *
 * <ol>
 *   <li>CJ: the embedded simulator (enforcing a QPS, optionally injecting faults) or a
 *       CJ-compatible server; one {@link CjClient} counts its calls with a {@link CjCallCounter}.
 *   <li>Authenticates once and lists the catalogue.
 *   <li>A Premium tenant imports the first N products under a markup rule; a Free tenant imports
 *       until its 11th activation is refused with {@link PlanLimitExceededException}.
 *   <li>A full inventory sync (variants, stock, prices) with live progress; products that fail
 *       after the client's retries are synced again until every product is.
 *   <li>Stock alerts through the automation's {@code stock_alert} task.
 *   <li>M customer orders for in-stock variants through the {@link FulfillmentEngine} with the CJ
 *       adapter: freight quote, then the CJ order, placed exactly once; each order's lines go into
 *       the sales ledger.
 *   <li>On the embedded simulator the clock passes midnight, and the {@code analytics_snapshot}
 *       task stores the orders' day: closing stock, product analytics, inventory health, fulfilment
 *       metrics.
 *   <li>The orders are followed until each has a tracking number (the simulator's clock is moved
 *       on; a real server is polled for a bounded time).
 *   <li>The summary, built from the stores ({@link DemoReport}); the default schedules each plan
 *       would run from then on.
 * </ol>
 *
 * <p>On {@link DemoStores#shared() shared} stores (a database) the run's tenants have ids of their
 * own, and at the end the run pauses their schedules and cancels their unfinished tasks, so runs on
 * one database never collide and no later run executes an earlier one's work.
 *
 * <p>Not thread-safe; one run per instance.
 *
 * @since 0.1.0
 */
public final class Demo {
  /** The Premium tenant's id on stores that are not {@link DemoStores#shared() shared} (memory). */
  public static final TenantId PREMIUM = TenantId.of("demo-premium");
  /** The Free tenant's id on stores that are not {@link DemoStores#shared() shared} (memory). */
  public static final TenantId FREE = TenantId.of("demo-free");

  /** What {@code --faults} injects: every transient fault type of the simulator. */
  static final List<Fault> FAULTS = List.of(Fault.busy(), Fault.readTimeoutCode(), Fault.serverError(500),
      Fault.serverError(502), Fault.serverError(503), Fault.tooManyRequests(), Fault.delay(Duration.ofSeconds(3)),
      Fault.disconnect(), Fault.lostResponse(), Fault.malformedJson(), Fault.truncatedJson(), Fault.tokenExpired());
  /** Endpoints left without faults: CJ allows one token request per 5 minutes, so a lost one cannot be redone. */
  static final Set<Endpoint> NO_FAULTS = Set.of(Endpoint.GET_ACCESS_TOKEN, Endpoint.REFRESH_ACCESS_TOKEN, Endpoint.LOGOUT);

  private static final int MAX_PASSES = 6;
  private static final List<Address> ADDRESSES = List.of(
      Address.builder().name("Ada Lovelace").line1("1 Main St").city("Springfield").province("IL").zip("62701")
          .country("US").phone("+1 217 555 0100").build(),
      Address.builder().name("Grace Hopper").line1("2 Navy Way").city("Arlington").province("VA").zip("22202")
          .country("US").phone("+1 703 555 0100").build(),
      Address.builder().name("Alan Turing").line1("3 Bletchley Rd").city("Austin").province("TX").zip("73301")
          .country("US").phone("+1 512 555 0100").build());

  private final DemoOptions options;
  private final CjTarget target;
  private final DemoEnvironment env;
  private final DemoStores stores;
  private final PrintStream out;
  private final CjCallCounter calls = new CjCallCounter();
  private final AtomicInteger priceChanges = new AtomicInteger();
  private final AtomicInteger deactivations = new AtomicInteger();
  private final List<StockAlert> delivered = new CopyOnWriteArrayList<>();
  private final TenantId premium;
  private final TenantId free;

  /**
   * A demo run.
   *
   * @param options the command line
   * @param target which CJ
   * @param env clock, waits, workers, output
   * @param stores where the data lives (the caller closes them); on {@link DemoStores#shared()
   *     shared} stores the run's tenants get ids of their own ({@code demo-premium-<run>}, {@code
   *     demo-free-<run>}, the run id from the clock and a random suffix), so earlier runs' data in
   *     the same database is never touched
   * @throws UsageException if the options do not fit the target (e.g. {@code --faults} with a
   *     remote server)
   * @since 0.1.0
   */
  public Demo(DemoOptions options, CjTarget target, DemoEnvironment env, DemoStores stores) {
    this.options = Objects.requireNonNull(options, "options");
    this.target = Objects.requireNonNull(target, "target");
    this.env = Objects.requireNonNull(env, "env");
    this.stores = Objects.requireNonNull(stores, "stores");
    this.out = env.out();
    if (stores.shared()) {
      String run = Long.toString(env.clock().millis(), 36) + "-"
          + Integer.toString(new java.security.SecureRandom().nextInt(36 * 36 * 36 * 36), 36);
      this.premium = TenantId.of(PREMIUM.value() + "-" + run);
      this.free = TenantId.of(FREE.value() + "-" + run);
    } else {
      this.premium = PREMIUM;
      this.free = FREE;
    }
    if (options.faults() && !target.isEmbedded()) {
      throw new UsageException("--faults needs the embedded simulator, but CJ_BASE_URL is set to " + target.baseUrl());
    }
  }

  /**
   * Returns the Premium tenant of this run: {@link #PREMIUM}, or on shared stores an id of this
   * run's own.
   *
   * @return the tenant id
   * @since 0.1.0
   */
  public TenantId premium() {
    return premium;
  }

  /**
   * Returns the Free tenant of this run: {@link #FREE}, or on shared stores an id of this run's own.
   *
   * @return the tenant id
   * @since 0.1.0
   */
  public TenantId free() {
    return free;
  }

  /**
   * The embedded simulator the demo starts for {@code options}: a seeded catalogue of at least 60
   * products (30 more than {@code --products}), the account's QPS enforced on {@code clock}.
   *
   * @param options the options
   * @param clock the demo's clock
   * @return the simulator's builder
   * @since 0.1.0
   */
  public static CjSimulator.Builder simulatorFor(DemoOptions options, java.time.Clock clock) {
    return CjSimulator.builder().clock(clock).qps(options.qps()).products(catalogueSize(options)).seed(options.seed());
  }

  private static int catalogueSize(DemoOptions options) {
    return Math.max(options.products() + 30, 60);
  }

  /**
   * Runs the demo and prints the summary: against the embedded simulator it starts (and stops), or
   * against the remote server of the target.
   *
   * @return the summary
   * @throws DemoFailure if a promise of the demo was not kept (a product never synced, an order
   *     never placed or tracked, a throttled call or a duplicate order at the simulator)
   * @since 0.1.0
   */
  public DemoReport run() {
    if (target.isEmbedded()) {
      try (CjSimulator sim = simulatorFor(options, env.clock()).build().start()) {
        return run(sim);
      }
    }
    Instant started = env.clock().instant();
    long startNanos = System.nanoTime();
    out.printf("CJ server %s, QPS %s (from CJ_QPS)%n", target.baseUrl(), fmt(target.qps()));
    return session(Objects.requireNonNull(target.baseUrl()), Objects.requireNonNull(target.apiKey()), target.qps(), null,
        started, startNanos);
  }

  /**
   * Runs the demo against an embedded simulator started by the caller (e.g. from {@link
   * #simulatorFor}), which must share the environment's clock; the caller closes it. With {@code
   * --faults} the fault rates are set on it first.
   *
   * @param sim the started simulator
   * @return the summary
   * @throws DemoFailure as {@link #run()}
   * @since 0.1.0
   */
  public DemoReport run(CjSimulator sim) {
    Objects.requireNonNull(sim, "sim");
    Instant started = env.clock().instant();
    long startNanos = System.nanoTime();
    out.printf("Embedded CJ simulator at %s: %d products, QPS %d enforced, seed %d%n", sim.baseUrl(),
        sim.catalog().size(), options.qps(), options.seed());
    if (options.faults()) {
      for (Endpoint e : Endpoint.values()) {
        if (!NO_FAULTS.contains(e)) {
          sim.faults().rate(e, options.faultRate(), FAULTS);
        }
      }
      // and, so that every run shows it: CJ creates the first two orders but their answers never arrive
      sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.lostResponse())
          .next(Endpoint.CREATE_ORDER_V2, 1, Fault.delay(Duration.ofSeconds(3)));
      out.printf(Locale.ROOT, "Fault injection on: %.0f %% of calls (every endpoint but authentication) fail with one of: "
          + "busy, 1600301, HTTP 500/502/503, 429, slow answer (3 s, over the 2 s read timeout), dropped connection, "
          + "lost response (request applied), malformed JSON, truncated JSON, expired token; and the answers to the "
          + "first two createOrder calls are lost after CJ created the orders%n", options.faultRate() * 100);
    }
    return session(sim.baseUrl(), sim.apiKey(), options.qps(), sim, started, startNanos);
  }

  private DemoReport session(String baseUrl, String apiKey, double qps, @Nullable CjSimulator sim, Instant started,
      long startNanos) {
    boolean embedded = sim != null;
    CjPayment payment = options.payment() != null ? Objects.requireNonNull(options.payment())
        : embedded ? CjPayment.BALANCE : CjPayment.CREATE_ONLY;
    boolean sandbox = options.sandbox() != null ? Objects.requireNonNull(options.sandbox()) : !embedded;
    out.printf("Orders: %s, payType %d (%s)%n", sandbox ? "CJ sandbox orders (isSandbox 1)" : "live orders, no sandbox flag",
        payment.payType(), payment == CjPayment.BALANCE ? "paid from the CJ wallet when created"
            : "created only, nothing is paid; pay in CJ's dashboard");
    out.printf("Stores: %s%n", stores.description());
    if (stores.shared()) {
      out.printf("Tenants of this run: %s and %s (ids of their own: the database keeps earlier runs' data)%n",
          premium, free);
    }

    CjClient.Builder cb = CjClient.builder().apiKey(apiKey).baseUrl(baseUrl).qps(qps).clock(env.clock()).listener(calls);
    if (env.sleeper() != null) {
      cb.sleeper(Objects.requireNonNull(env.sleeper()));
    }
    if (options.faults()) {
      cb.readTimeout(Duration.ofSeconds(2));
    }
    try (CjClient cj = cb.build()) {
      CjSupplier supplier = CjSupplier.builder().client(cj).payment(payment).sandbox(sandbox).clock(env.clock()).build();
      InventoryEngine inventory = InventoryEngine.builder()
          .store(stores.inventory())
          .supplier(supplier.catalog())
          .clock(env.clock())
          .syncExecutor(env.syncExecutor()).syncConcurrency(env.syncConcurrency())
          .lowStockThreshold(5)
          .listener(new InventoryListener() {
            @Override
            public void onPriceChanged(TenantId t, ProductId p, VariantId v, Money oldPrice, Money newPrice) {
              if (t.equals(premium)) {
                priceChanges.incrementAndGet();
              }
            }

            @Override
            public void onDeactivated(TenantId t, ProductId p, Reason reason) {
              if (t.equals(premium)) {
                deactivations.incrementAndGet();
              }
            }
          })
          .build();
      RecordingNotifier notifier = new RecordingNotifier();
      FulfillmentEngine fulfillment = FulfillmentEngine.builder()
          .orderStore(stores.orders()).metricsStore(stores.metrics())
          .stock(inventory).variants(inventory)
          .freightQuotes(supplier.freightQuotes()).supplierOrders(supplier.orders())
          .notifier(notifier)
          .clock(env.clock())
          .build();
      TenantSettingsSource settings = t -> new TenantSettings(ZoneOffset.UTC, CjSupplier.USD);
      InventoryAnalytics analytics = InventoryAnalytics.builder()
          .salesLedger(stores.sales()).stockHistory(stores.stockHistory()).tenantSettings(settings).build();
      DailySnapshotter snapshotter = DailySnapshotter.builder()
          .analytics(analytics).store(stores.snapshots()).clock(env.clock()).build();
      Automation automation = Automation.builder()
          .inventory(inventory).fulfillment(fulfillment)
          .scheduler(Scheduler.builder().store(stores.tasks()).clock(env.clock()).executor(Runnable::run)
              .workerCount(1).workerId("demo"))
          .secrets(EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("demo", SecretKeyRing.generateKey()))
              .storage(stores.ciphertexts()).build())
          .webhookLogs(stores.webhookLogs())
          .stockAlerts(stores.stockAlerts())
          .alertSink(alert -> {
            if (alert.tenant().equals(premium) || alert.tenant().equals(free)) {
              delivered.add(alert);
            }
          })
          .snapshotter(snapshotter)
          .stockHistory(stores.stockHistory())
          .tenantSettings(settings)
          .clock(env.clock())
          .build();
      try {
        return flow(cj, inventory, fulfillment, automation, sim, started, startNanos);
      } finally {
        if (stores.shared()) {
          park(automation);
        }
        automation.close();
      }
    }
  }

  private DemoReport flow(CjClient cj, InventoryEngine inventory, FulfillmentEngine fulfillment, Automation automation,
      @Nullable CjSimulator sim, Instant started, long startNanos) {
    // 1. Authenticate once (the first call fetches the token; the client keeps and refreshes it).
    Balance balance = transient_("read the CJ wallet balance", () -> cj.payments().getBalance());
    out.printf("%nAuthenticated; CJ wallet balance %s USD%n", balance.amount().toPlainString());

    // 2. The catalogue.
    int wanted = Math.max(options.products(), 25);
    List<String> pids = new ArrayList<>();
    long catalogTotal = 0;
    int pageSize = Math.min(200, wanted);
    for (int page = 1; pids.size() < wanted; page++) {
      int p = page;
      Page<Product> items = transient_("list catalogue page " + p,
          () -> cj.products().list(ProductListRequest.firstPage().withPageNum(p).withPageSize(pageSize)));
      Long total = items.total();
      catalogTotal = total != null ? total : catalogTotal + items.items().size();
      for (Product item : items.items()) {
        if (pids.size() < wanted && !pids.contains(item.pid())) {
          pids.add(item.pid());
        }
      }
      if (items.items().isEmpty() || !items.hasNext()) {
        break;
      }
    }
    if (pids.size() < options.products()) {
      throw new DemoFailure("the catalogue has only " + pids.size() + " products, fewer than --products "
          + options.products());
    }
    out.printf("Catalogue: %d products at CJ; importing the first %d%n", catalogTotal, options.products());

    // 3. Tenants, markup rule, imports.
    inventory.registerTenant(Tenant.of(premium, Plan.PREMIUM, CjSupplier.USD));
    inventory.registerTenant(Tenant.of(free, Plan.FREE, CjSupplier.USD));
    PricingRule markup = PricingRule.builder()
        .tier(CostTier.multiply("0", "5", "2"))
        .tier(CostTier.add("5", "15", "10"))
        .tier(CostTier.multiply("15", "50", "1.5"))
        .multiplier("1.3")
        .rounding(CharmRounding.CENTS_99)
        .minimumMargin("0.25")
        .build();
    inventory.setPricingRule(premium, PricingScope.tenant(), markup);
    out.println("Markup rule for " + premium + ": cost under 5 x2, 5-15 +10, 15-50 x1.5, above x1.3; .99 endings; "
        + "margin at least 25 %");

    List<String> premiumPids = pids.subList(0, options.products());
    importAll(inventory, premiumPids);
    List<dev.dropsync.inventory.Product> premiumProducts = inventory.products(premium);
    int variants = premiumProducts.stream().mapToInt(p -> p.variants().size()).sum();
    long activeAtImport = premiumProducts.stream().filter(p -> p.status() == ProductStatus.ACTIVE).count();
    out.printf("%s (PREMIUM, no limit): %d products with %d variants imported, %d active, %d switched off at once "
        + "(no stock at CJ)%n", premium, premiumProducts.size(), variants, activeAtImport,
        premiumProducts.size() - activeAtImport);

    String refusal = planLimit(inventory, pids);

    // 4. Meanwhile at CJ (the embedded simulator only): stock sells, costs move.
    if (sim != null) {
      marketMoves(sim, premiumProducts);
    } else {
      out.println("Remote server: the catalogue is left as it is; the sync reports what changed at CJ since the import");
    }

    // 5. Full sync, again for what failed until every product is synced.
    SyncOutcome sync = sync(inventory);

    // 6. Stock alerts through the automation's stock_alert task.
    TenantAutomation shop = automation.tenant(premium);
    shop.checkStockNow();
    drain(automation);
    List<StockAlert> open = shop.openStockAlerts();
    long low = open.stream().filter(a -> a.kind() == StockAlertKind.LOW_STOCK).count();
    long oos = open.stream().filter(a -> a.kind() == StockAlertKind.OUT_OF_STOCK).count();
    out.printf("Stock alerts (stock_alert task): %d low stock (5 or fewer left), %d out of stock; %d delivered to the "
        + "alert sink%n", low, oos, delivered.size());

    // 7. Orders: freight quote, then the CJ order, placed exactly once each; their sales into the ledger.
    List<OrderId> orderIds = placeOrders(inventory, fulfillment, started);

    // 8. The embedded simulator's clock passes midnight: the analytics snapshot of the orders' day.
    DemoReport.Analytics day = null;
    Duration moved = Duration.ZERO;
    if (sim != null) {
      Instant before = env.clock().instant();
      day = analytics(shop);
      moved = Duration.between(before, env.clock().instant());
    } else {
      out.println("Analytics: the analytics_snapshot schedule (daily 00:30) stores today once it is over");
    }

    // 9. Follow the orders until each has a tracking number.
    List<SupplierOrder> followed = follow(fulfillment, orderIds, sim != null, moved);

    // 10. From now on: the default schedules of each plan (automation.start() would run them).
    out.println();
    TenantAutomation premiumAuto = automation.onboard(TenantOnboarding.builder()
        .tenant(inventory.tenant(premium)).build());
    automation.onboard(TenantOnboarding.builder().tenant(inventory.tenant(free)).build());
    List<Schedule> schedules = premiumAuto.schedules();
    out.printf("Autopilot: %s has %d default schedules (automation.start() runs them%s):%n", premium,
        schedules.size(), stores.shared() ? "; this run pauses them when it ends" : "");
    for (Schedule s : schedules) {
      out.printf("  %-20s %-24s next run %s%n", s.taskType(), SchedulesExample.describe(s.recurrence()), s.nextRunAt());
    }

    Instant until = env.clock().instant().plusSeconds(1);
    return report(inventory, fulfillment, sim, started, until, startNanos, catalogTotal, variants, refusal,
        sync, followed, low, oos, day);
  }

  // ------------------------------------------------------------------ analytics

  /**
   * Moves the (simulator's) clock to 00:30 of the next day, when the {@code analytics_snapshot}
   * task of the standard policy runs, and runs it for the day that ended: closing stock into the
   * stock history, product analytics and inventory health from the sales ledger, fulfilment
   * metrics.
   */
  private DemoReport.Analytics analytics(TenantAutomation shop) {
    Instant now = env.clock().instant();
    LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
    Instant at = day.plusDays(1).atTime(0, 30).toInstant(ZoneOffset.UTC);
    out.printf("%nMidnight passes: moving the simulator's clock %s forward to %s, when the analytics_snapshot task "
        + "stores %s%n", DemoReport.human(Duration.between(now, at)), at, day);
    env.timeTravel().accept(Duration.between(now, at));
    DaySnapshot snapshot = shop.snapshotDay(day);
    DailySnapshot inventory = Objects.requireNonNull(snapshot.inventory(), "inventory snapshot");
    InventoryHealth h = inventory.health();
    DemoReport.Analytics a = new DemoReport.Analytics(day, snapshot.stockObservations(), inventory.products().size(),
        h.unitsSold(), h.revenue(), h.stockValue(), h.activeProducts(), h.lowStockProducts(), h.outOfStockProducts(),
        snapshot.fulfillment().kpis().orders());
    out.printf("  closing stock of %d variants recorded; %d products analysed; %d units sold, revenue %s; stock value "
        + "%s; %d active, %d low, %d out of stock; fulfilment metrics of %d orders%n", a.stockObservations(),
        a.productsAnalysed(), a.unitsSold(), a.revenue(), a.stockValue(), a.activeProducts(), a.lowStockProducts(),
        a.outOfStockProducts(), a.orders());
    return a;
  }

  /**
   * On shared stores: pauses the run's schedules and cancels its unfinished tasks, so that no later
   * run (nor any scheduler) on the same database ever executes them. Failures are reported, not
   * thrown: the run's own outcome stands.
   */
  private void park(Automation automation) {
    int paused = 0;
    int cancelled = 0;
    try {
      for (TenantId t : List.of(premium, free)) {
        TenantAutomation ta;
        try {
          ta = automation.tenant(t);
        } catch (InventoryException e) {
          continue; // the run ended before it registered the tenant
        }
        for (Schedule s : ta.schedules()) {
          if (s.active()) {
            ta.pauseSchedule(s.id());
            paused++;
          }
        }
        for (AutomationTask task : ta.tasks()) {
          if ((task.status() == TaskStatus.PENDING || task.status() == TaskStatus.RUNNING) && ta.cancelTask(task.id())) {
            cancelled++;
          }
        }
      }
      out.printf("Stores left as they are for inspection; this run's %d schedules paused, %d unfinished tasks "
          + "cancelled, so no later run executes them%n", paused, cancelled);
    } catch (RuntimeException e) {
      out.printf("Could not pause this run's schedules (%s); a later run's scheduler may execute them%n", oneLine(e));
    }
  }

  // ------------------------------------------------------------------ imports

  private void importAll(InventoryEngine inventory, List<String> pids) {
    List<String> todo = new ArrayList<>(pids);
    Map<String, String> lastError = new LinkedHashMap<>();
    for (int pass = 1; pass <= MAX_PASSES && !todo.isEmpty(); pass++) {
      ProgressBar bar = new ProgressBar(out, env.terminal(), pass == 1 ? "import" : "import " + pass, todo.size(),
          env.clock());
      List<String> failed = new ArrayList<>();
      int done = 0;
      for (String pid : todo) {
        try {
          inventory.importProduct(premium, pid).requireProduct();
          lastError.remove(pid);
        } catch (InventoryException e) {
          throw new DemoFailure("importing CJ product " + pid + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
          failed.add(pid);
          lastError.put(pid, oneLine(e));
        }
        bar.update(++done);
      }
      if (!failed.isEmpty()) {
        out.printf("  %d imports failed after the client's retries (e.g. %s); importing them again%n", failed.size(),
            lastError.values().iterator().next());
      }
      todo = failed;
    }
    if (!todo.isEmpty()) {
      throw new DemoFailure(todo.size() + " products could not be imported, e.g. " + todo.get(0) + ": "
          + lastError.get(todo.get(0)));
    }
  }

  private String planLimit(InventoryEngine inventory, List<String> pids) {
    int active = 0;
    for (String pid : pids) {
      ImportResult r = transient_("import " + pid + " for " + free, () -> inventory.importProduct(free, pid));
      dev.dropsync.inventory.Product p = r.requireProduct();
      if (p.status() == ProductStatus.ACTIVE) {
        active++;
        continue;
      }
      if (p.status() != ProductStatus.DRAFT) {
        continue; // switched off at once for lack of stock: it does not count against the plan
      }
      try {
        inventory.activate(free, p.id());
      } catch (PlanLimitExceededException e) {
        out.printf("%s (FREE): %d products active; the import of the next one stayed a draft (%s) and activating it "
            + "was refused:%n  %s: %s%n", free, active, r.reason(), e.getClass().getSimpleName(), e.getMessage());
        return String.valueOf(e.getMessage());
      }
      throw new DemoFailure("the Free plan let " + free + " activate product " + p.id() + " beyond its limit");
    }
    throw new DemoFailure("the catalogue ran out before " + free + " reached its plan limit (" + active + " active)");
  }

  // ------------------------------------------------------------------ the market

  private void marketMoves(CjSimulator sim, List<dev.dropsync.inventory.Product> products) {
    SplittableRandom random = new SplittableRandom(options.seed());
    List<dev.dropsync.inventory.Product> shuffled = new ArrayList<>(products);
    shuffled.sort(java.util.Comparator.comparing(dev.dropsync.inventory.Product::supplierProductId)); // ids are random
    Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
    int tenth = Math.max(1, products.size() / 10);
    int soldOut = 0;
    int low = 0;
    int dearer = 0;
    for (int i = 0; i < shuffled.size(); i++) {
      dev.dropsync.inventory.Product p = shuffled.get(i);
      String vid = p.variants().get(0).supplierVariantId();
      if (i < tenth && products.size() > 2) {
        for (Variant v : p.variants()) {
          sim.catalog().setStock(v.supplierVariantId(), 0);
        }
        soldOut++;
      } else if (i < 2 * tenth && products.size() > 2) {
        sim.catalog().setStock(vid, 1 + random.nextInt(4));
        low++;
      } else if (i < 4 * tenth) {
        BigDecimal factor = BigDecimal.valueOf(110 + random.nextInt(31)).movePointLeft(2);
        sim.catalog().setPrice(vid, sim.catalog().price(vid).multiply(factor).setScale(2, RoundingMode.HALF_UP));
        dearer++;
      }
    }
    out.printf("Meanwhile at CJ (embedded simulator, seed %d): %d products sold out, %d variants down to 1-4 units, "
        + "%d variants 10-40 %% dearer%n", options.seed(), soldOut, low, dearer);
  }

  // ------------------------------------------------------------------ sync

  /** The sync's passes: the first over every product, later ones over what failed. */
  record SyncOutcome(List<SyncRun> runs, Set<ProductId> synced, int firstPassFailures, int priceChanges,
      int deactivated, Duration time) {}

  private SyncOutcome sync(InventoryEngine inventory) {
    int pricesBefore = priceChanges.get();
    int deactivatedBefore = deactivations.get();
    Instant t0 = env.clock().instant();
    List<SyncRun> runs = new ArrayList<>();
    Set<ProductId> synced = new LinkedHashSet<>();
    Set<ProductId> subset = null;
    int firstFailures = 0;
    Map<ProductId, String> failures = Map.of();
    for (int pass = 1; pass <= MAX_PASSES; pass++) {
      List<ProductId> planned = inventory.sync().plan(premium, subset);
      ProgressBar bar = new ProgressBar(out, env.terminal(), pass == 1 ? "sync" : "sync " + pass, planned.size(),
          env.clock());
      SyncHandle h = inventory.sync().start(premium, subset,
          s -> bar.update(s.processed(), s.total(), s.estimatedCompletion()));
      SyncRun run = h.await(Duration.ofHours(2));
      runs.add(run);
      failures = h.failures();
      for (ProductId id : planned) {
        if (!failures.containsKey(id)) {
          synced.add(id);
        }
      }
      if (pass == 1) {
        firstFailures = failures.size();
      }
      out.printf("  pass %d: %d products, %d updated, %d unchanged, %d failed%n", pass, run.total(), run.updated(),
          run.unchanged(), run.failed());
      if (failures.isEmpty()) {
        break;
      }
      out.printf("  %d products failed after the client's retries (e.g. %s); syncing them again%n", failures.size(),
          failures.values().iterator().next());
      subset = new LinkedHashSet<>(failures.keySet());
    }
    if (!failures.isEmpty()) {
      throw new DemoFailure(failures.size() + " products still failed to sync after " + MAX_PASSES + " passes, e.g. "
          + failures.values().iterator().next());
    }
    Duration took = Duration.between(t0, env.clock().instant());
    int prices = priceChanges.get() - pricesBefore;
    int switchedOff = deactivations.get() - deactivatedBefore;
    out.printf("Sync of %s: %d products in %s; %d variant prices changed under the markup rule, %d products switched "
        + "off for lack of stock%n", premium, synced.size(), ProgressBar.seconds(took), prices, switchedOff);
    return new SyncOutcome(runs, synced, firstFailures, prices, switchedOff, took);
  }

  private static void drain(Automation automation) {
    for (int i = 0; i < 100; i++) {
      if (automation.scheduler().tick() == 0) {
        return;
      }
    }
    throw new DemoFailure("the scheduler's queue did not drain");
  }

  // ------------------------------------------------------------------ orders

  private List<OrderId> placeOrders(InventoryEngine inventory, FulfillmentEngine fulfillment, Instant started) {
    List<OrderId> ids = new ArrayList<>();
    if (options.orders() == 0) {
      return ids;
    }
    // In-stock variants of active products, most units first; each order line takes at most a
    // third of what is left, so small catalogues work too.
    Map<VariantId, Long> left = new LinkedHashMap<>();
    List<Variant> candidates = new ArrayList<>();
    for (dev.dropsync.inventory.Product p : inventory.products(premium)) {
      if (p.status() == ProductStatus.ACTIVE) {
        p.variants().stream().filter(v -> v.available() >= 3).forEach(candidates::add);
      }
    }
    candidates.sort(java.util.Comparator.comparingLong(Variant::available).reversed()
        .thenComparing(Variant::supplierVariantId));
    Map<VariantId, ProductId> productOf = new LinkedHashMap<>();
    for (dev.dropsync.inventory.Product p : inventory.products(premium)) {
      p.variants().forEach(v -> productOf.put(v.id(), p.id()));
    }
    for (Variant v : candidates) {
      left.put(v.id(), v.available());
    }
    if (candidates.isEmpty()) {
      throw new DemoFailure("no active product has a variant with 3 or more units for the orders (import more with "
          + "--products)");
    }
    out.printf("%nPlacing %d orders (freight quote, then the CJ order, exactly once each):%n", options.orders());
    String run = Long.toString(started.toEpochMilli(), 36);
    int next = 0;
    for (int i = 1; i <= options.orders(); i++) {
      OrderId id = OrderId.of("demo-" + run + "-" + i);
      Address address = ADDRESSES.get((i - 1) % ADDRESSES.size());
      OrderRequest.Builder order = OrderRequest.builder().tenant(premium).orderId(id).currency("USD")
          .shippingCharge(Money.of("4.99", "USD")).shippingAddress(address)
          .customer(CustomerContact.of(address.name(), "customer" + i + "@example.com"));
      int lines = Math.min(i % 2 == 0 ? 2 : 1, candidates.size());
      Set<VariantId> inThisOrder = new java.util.HashSet<>();
      for (int l = 0; l < lines; l++) {
        long quantity = 1L + (l + i) % 2;
        Variant v = null;
        for (int tried = 0; tried < candidates.size() && v == null; tried++) {
          Variant c = candidates.get(next++ % candidates.size());
          if (!inThisOrder.contains(c.id()) && Objects.requireNonNull(left.get(c.id())) >= 3 * quantity) {
            v = c;
          }
        }
        if (v == null) {
          throw new DemoFailure("not enough stock left for order " + i + " of " + options.orders()
              + " (import more with --products or place fewer with --orders)");
        }
        left.merge(v.id(), -quantity, Long::sum);
        inThisOrder.add(v.id());
        order.line(v.id(), quantity, v.retailPrice());
      }
      OrderRequest request = order.build();
      fulfillment.createOrder(request);
      Order placed = process(fulfillment, id);
      // the host's part: what the order sold goes into the sales ledger, for analytics
      for (dev.dropsync.fulfillment.OrderLine line : placed.lines()) {
        Variant v = candidates.stream().filter(c -> c.id().equals(line.variant())).findFirst().orElseThrow();
        stores.sales().recordSale(new Sale(premium, Objects.requireNonNull(productOf.get(v.id())), v.id(),
            line.quantity(), line.unitPrice(), v.cost(), env.clock().instant(), id.value()));
      }
      for (SupplierOrder so : fulfillment.supplierOrders(premium, id)) {
        out.printf("  %s: %d line(s), %s -> freight %s %s (%d-%d days) -> CJ order %s, %s%n", id, placed.lines().size(),
            placed.chargedTotal(), so.freight().carrier(), so.freight().price(), so.freight().minDays(),
            so.freight().maxDays(), so.supplierOrderId(), so.status());
      }
      ids.add(id);
    }
    return ids;
  }

  private Order process(FulfillmentEngine fulfillment, OrderId id) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= 8; attempt++) {
      Order o;
      try {
        o = fulfillment.processOrder(premium, id);
      } catch (StepFailedException e) {
        last = e; // outcome unknown: the next attempt looks the reference up at CJ before sending again
        continue;
      }
      boolean placed = !fulfillment.supplierOrders(premium, id).isEmpty()
          && fulfillment.supplierOrders(premium, id).stream().allMatch(so -> so.status().isPlaced());
      if (placed && o.status() == OrderStatus.PROCESSING) {
        return o;
      }
      if (o.status() == OrderStatus.ON_HOLD || o.status() == OrderStatus.FAILED || o.status() == OrderStatus.CANCELLED) {
        String why = fulfillment.supplierOrders(premium, id).stream().map(SupplierOrder::lastError)
            .filter(Objects::nonNull).findFirst().orElse(String.valueOf(o.holdReason()));
        throw new DemoFailure("order " + id + " is " + o.status() + " (" + why + ")");
      }
    }
    throw new DemoFailure("order " + id + " was not placed after 8 attempts: " + (last == null ? "still submitting"
        : oneLine(last)), last == null ? new IllegalStateException("still submitting") : last);
  }

  private List<SupplierOrder> follow(FulfillmentEngine fulfillment, List<OrderId> ids, boolean embedded,
      Duration alreadyMoved) {
    List<String> references = new ArrayList<>();
    for (OrderId id : ids) {
      fulfillment.supplierOrders(premium, id).forEach(so -> references.add(so.reference()));
    }
    if (references.isEmpty()) {
      return List.of();
    }
    if (embedded) {
      Duration jump = Duration.ofDays(2).plusHours(1).minus(alreadyMoved);
      out.printf("%nCJ ships paid orders after 2 days: moving the simulator's clock on to %s after the orders (%s "
          + "more), then polling%n", "2 days 1 h", DemoReport.human(jump));
      env.timeTravel().accept(jump.isNegative() ? Duration.ZERO : jump);
      for (int round = 0; round < 6 && !allTracked(fulfillment, references); round++) {
        if (round > 0) {
          env.timeTravel().accept(Duration.ofHours(1));
        }
        pollAll(fulfillment, references);
      }
      if (!allTracked(fulfillment, references)) {
        throw new DemoFailure("not every supplier order has a tracking number: " + untracked(fulfillment, references));
      }
    } else {
      long deadline = System.nanoTime() + options.trackingWait().toNanos();
      out.printf("%nPolling CJ for tracking numbers for up to %s (a real server ships on its own time; sandbox and "
          + "unpaid orders are never shipped)%n", ProgressBar.seconds(options.trackingWait()));
      while (true) {
        pollAll(fulfillment, references);
        if (allTracked(fulfillment, references) || System.nanoTime() > deadline) {
          break;
        }
        sleep(Duration.ofSeconds(10));
      }
    }
    List<SupplierOrder> out2 = new ArrayList<>();
    for (String ref : references) {
      SupplierOrder so = fulfillment.findSupplierOrder(premium, ref).orElseThrow();
      out2.add(so);
      String tracking = so.tracking().trackingNumber();
      out.printf("  %s %-11s %s%n", so.reference(), so.status(), tracking == null ? "no tracking number yet"
          : "tracking " + tracking + " (" + so.tracking().carrier() + ") " + Objects.toString(so.tracking().trackingUrl(), ""));
    }
    return out2;
  }

  private void pollAll(FulfillmentEngine fulfillment, List<String> references) {
    for (String ref : references) {
      SupplierOrder so = fulfillment.findSupplierOrder(premium, ref).orElseThrow();
      if (so.tracking().trackingNumber() != null) {
        continue;
      }
      for (int attempt = 1; attempt <= 5; attempt++) {
        try {
          fulfillment.pollSupplierOrder(premium, ref);
          break;
        } catch (RuntimeException e) {
          if (attempt == 5 || !isTransient(e)) {
            throw new DemoFailure("polling supplier order " + ref + " failed: " + oneLine(e), e);
          }
        }
      }
    }
  }

  private boolean allTracked(FulfillmentEngine fulfillment, List<String> references) {
    return untracked(fulfillment, references).isEmpty();
  }

  private List<String> untracked(FulfillmentEngine fulfillment, List<String> references) {
    List<String> out = new ArrayList<>();
    for (String ref : references) {
      SupplierOrder so = fulfillment.findSupplierOrder(premium, ref).orElseThrow();
      if (so.tracking().trackingNumber() == null) {
        out.add(ref + " (" + so.status() + ")");
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ summary

  private DemoReport report(InventoryEngine inventory, FulfillmentEngine fulfillment, @Nullable CjSimulator sim, Instant from, Instant to, long startNanos, long catalogTotal, int variants,
      String refusal, SyncOutcome sync, List<SupplierOrder> supplierOrders, long lowAlerts, long oosAlerts,
      DemoReport.@Nullable Analytics analytics) {
    List<dev.dropsync.inventory.Product> products = inventory.products(premium);
    int deactivated = (int) products.stream().filter(p -> p.status() == ProductStatus.INACTIVE_OUT_OF_STOCK).count();
    int freeActive = (int) inventory.products(free).stream().filter(p -> p.status() == ProductStatus.ACTIVE).count();
    EarningsTotals earnings = fulfillment.earnings(premium, from, to).get(CjSupplier.USD);
    FulfillmentKpis kpis = fulfillment.kpis(premium, from, to);
    int placed = (int) supplierOrders.stream().filter(so -> so.status().isPlaced()).count();
    int tracked = (int) supplierOrders.stream().filter(so -> so.tracking().trackingNumber() != null).count();
    DemoReport.Simulator simulator = null;
    if (sim != null) {
      List<RecordedCall> recorded = sim.recorder().calls();
      Map<Fault.Kind, Integer> faults = new EnumMap<>(Fault.Kind.class);
      for (RecordedCall c : recorded) {
        Fault f = c.fault();
        if (f != null) {
          faults.merge(f.kind(), 1, Integer::sum);
        }
      }
      simulator = new DemoReport.Simulator(recorded.size(), sim.recorder().throttleViolations(),
          sim.recorder().duplicateOrderNumbers(), sim.orders().count(), faults);
    }
    DemoReport report = new DemoReport(target.isEmbedded() ? "embedded simulator" : Objects.requireNonNull(target.baseUrl()),
        stores.description(), premium.value(), free.value(), catalogTotal, products.size(), variants, freeActive, refusal, sync.synced().size(), sync.runs(),
        sync.firstPassFailures(), sync.time(), deactivated, sync.deactivated(), sync.priceChanges(), (int) lowAlerts,
        (int) oosAlerts, delivered.size(), supplierOrders, placed, tracked, earnings, kpis, calls.calls(),
        calls.callsByEndpoint(), calls.retries(), calls.serverThrottles(), calls.limiterWait(), calls.throttleWait(),
        analytics, simulator, Duration.ofNanos(System.nanoTime() - startNanos));
    report.print(out);
    if (simulator != null) {
      if (simulator.throttleViolations() > 0) {
        throw new DemoFailure("the simulator answered " + simulator.throttleViolations() + " calls with a throttle: "
            + "the client broke the QPS limit");
      }
      if (!simulator.duplicateOrderNumbers().isEmpty()) {
        throw new DemoFailure("duplicate CJ orders for " + simulator.duplicateOrderNumbers());
      }
      if (simulator.cjOrders() != placed) {
        throw new DemoFailure("CJ holds " + simulator.cjOrders() + " orders but " + placed + " supplier orders were placed");
      }
    }
    if (placed != supplierOrders.size()) {
      throw new DemoFailure((supplierOrders.size() - placed) + " supplier orders were not placed");
    }
    return report;
  }

  // ------------------------------------------------------------------ helpers

  /** Calls {@code call}, again after a transient CJ failure the client's own retries did not absorb. */
  private <T> T transient_(String what, Supplier<T> call) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= 5; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (!isTransient(e)) {
          throw new DemoFailure(what + " failed: " + oneLine(e), e);
        }
        last = e;
      }
    }
    throw new DemoFailure(what + " failed 5 times: " + oneLine(Objects.requireNonNull(last)), last);
  }

  static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CjAuthenticationException || t instanceof CjQuotaExceededException
          || t instanceof CjInvalidRequestException || t instanceof CjNotFoundException || t instanceof CjPaymentException) {
        return false;
      }
      if (t instanceof CjException) {
        return true;
      }
    }
    return false;
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    return text.replaceAll("\\s+", " ").strip();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoFailure("interrupted");
    }
  }
}

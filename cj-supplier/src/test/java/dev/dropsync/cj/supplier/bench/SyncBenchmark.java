package dev.dropsync.cj.supplier.bench;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjClientListener;
import dev.dropsync.cj.supplier.CjSupplier;
import dev.dropsync.cj.supplier.CjSupplierCatalog;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.SimCatalog;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import dev.dropsync.inventory.memory.InMemorySupplierCatalog;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierVariant;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Full sync of N products against the CJ simulator over real HTTP with the real client on the real
 * clock (the simulator enforces the account QPS on real time), side by side with the seed-style
 * approach — batches of 10 products with a fixed 1 s sleep between batches, on the same client —
 * and a sample of the old two-read path ({@code stockLevels} + {@code costs}). Not a test; run with
 * {@code cj-supplier/bench.sh}.
 *
 * <p>Options: {@code --products 2000 --qps 20 --concurrency 8 --seed 1 --legacy-sample 50}, {@code
 * --safety 1.1} (the client's {@code qpsSafetyFactor}), {@code --no-seed} (skip the seed-style run), and
 * {@code --base-url URL --api-key KEY} to target a simulator started separately (bench.sh starts
 * the standalone jar with the same seed and product count); without them an in-process simulator is
 * started. Products are imported into the engine's store from a mirror of the seeded catalogue (the
 * simulator is deterministic per seed), so no CJ calls are spent before the measured syncs.
 */
public final class SyncBenchmark {
  private static final TenantId SHOP = TenantId.of("bench-shop");

  private SyncBenchmark() {}

  /** Counts the client's HTTP attempts per endpoint and the throttle answers it got. */
  static final class Counter implements CjClientListener {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger productQueries = new AtomicInteger();
    final AtomicInteger serverThrottles = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();

    @Override
    public void onRequest(RequestEvent event) {
      requests.incrementAndGet();
      if (event.endpoint().endsWith("/product/query")) {
        productQueries.incrementAndGet();
      }
    }

    @Override
    public void onRateLimited(RateLimitEvent event) {
      if (event.serverThrottled()) {
        serverThrottles.incrementAndGet();
      }
    }

    @Override
    public void onRetry(RetryEvent event) {
      retries.incrementAndGet();
    }

    int[] snapshot() {
      return new int[] {requests.get(), productQueries.get(), serverThrottles.get(), retries.get()};
    }
  }

  record Result(String name, double seconds, int calls, int productQueries, int throttles, int retries, int failed) {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int products = 2000;
    int qps = 20;
    int concurrency = 8;
    long seed = 1;
    int legacySample = 50;
    double safety = 1.1;
    boolean seedRun = true;
    String baseUrl = null;
    String apiKey = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--products" -> products = Integer.parseInt(args[++i]);
        case "--qps" -> qps = Integer.parseInt(args[++i]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--legacy-sample" -> legacySample = Integer.parseInt(args[++i]);
        case "--safety" -> safety = Double.parseDouble(args[++i]);
        case "--no-seed" -> seedRun = false;
        case "--base-url" -> baseUrl = args[++i];
        case "--api-key" -> apiKey = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }

    CjSimulator mirror = CjSimulator.builder().seed(seed).products(products).build(); // not started: the seeded data
    CjSimulator local = null;
    if (baseUrl == null) {
      local = CjSimulator.builder().seed(seed).products(products).qps(qps).build().start();
      baseUrl = local.baseUrl();
      apiKey = local.apiKey();
      out.println("simulator: in-process, real clock, " + baseUrl);
    } else {
      out.println("simulator: standalone process at " + baseUrl);
    }
    if (apiKey == null) {
      throw new IllegalArgumentException("--api-key is required with --base-url");
    }
    if (!mirror.apiKey().equals(apiKey)) {
      throw new IllegalStateException("the simulator was not started with seed " + seed + " (its API key differs)");
    }
    Counter counter = new Counter();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(concurrency, 10));
    try (CjClient cj = CjClient.builder().apiKey(apiKey).baseUrl(baseUrl).qps(qps)
        .qpsSafetyFactor(safety).listener(counter).build()) {
      CjSupplierCatalog catalog = CjSupplier.builder().client(cj).build().catalog();
      InMemoryInventoryStore store = new InMemoryInventoryStore();
      importFromMirror(store, mirror.catalog());
      InventoryEngine engine = InventoryEngine.builder().store(store).supplier(catalog)
          .syncExecutor(pool).syncConcurrency(concurrency).build();
      List<ProductId> ids = engine.sync().plan(SHOP, null);
      out.printf(Locale.ROOT, "products: %d, account QPS: %d (client spacing %.1f ms = 1/QPS x %.2f), sync concurrency: %d%n",
          ids.size(), qps, 1000.0 * safety / qps, safety, concurrency);
      cj.payments().getBalance(); // fetch the token outside the measurements (0 points)
      OptionalLong pointsAtStart = cj.remainingPoints();
      out.println("load average before: " + loadAverage());

      int[] c0 = counter.snapshot();
      long t0 = System.nanoTime();
      SyncRun run = engine.sync().start(SHOP).await(Duration.ofHours(2));
      Result ours = result("ours (InventorySync, one offers() read per product)", t0, c0, counter, run.failed());
      OptionalLong pointsAfterOurs = cj.remainingPoints();
      out.println("load average after ours: " + loadAverage());

      int[] c1 = counter.snapshot();
      long t1 = System.nanoTime();
      int seedFailed = seedRun ? seedStyle(engine, ids, pool) : 0;
      Result seedStyle = result("seed-style (batches of 10, 1 s sleep between)", t1, c1, counter, seedFailed);
      out.println("load average after seed-style: " + loadAverage());

      CjSupplierCatalog cold = CjSupplier.builder().client(cj).build().catalog();
      int[] c2 = counter.snapshot();
      long t2 = System.nanoTime();
      int n = Math.min(legacySample, ids.size());
      for (ProductId id : ids.subList(0, n)) {
        Product p = engine.product(SHOP, id);
        List<String> vids = new ArrayList<>();
        for (Variant v : p.variants()) {
          vids.add(v.supplierVariantId());
        }
        cold.stockLevels(vids);
        cold.costs(vids);
      }
      Result legacy = result("old two-read path (stockLevels + costs), " + n + " products", t2, c2, counter, 0);

      print(out, qps, safety, ours, seedStyle, legacy, n, pointsAtStart, pointsAfterOurs, ids.size());
      out.println("load average at the end: " + loadAverage());
    } finally {
      pool.shutdownNow();
      mirror.close();
      if (local != null) {
        local.close();
      }
    }
  }

  private static void importFromMirror(InMemoryInventoryStore store, SimCatalog sim) {
    InMemorySupplierCatalog copy = new InMemorySupplierCatalog(CjSupplier.SUPPLIER_ID);
    for (String pid : sim.productIds()) {
      List<SupplierVariant> vs = new ArrayList<>();
      for (String vid : sim.variantIds(pid)) {
        vs.add(new SupplierVariant(vid, sim.variantSku(vid), Money.of(sim.price(vid), CjSupplier.USD), sim.stock(vid)));
      }
      copy.put(new SupplierProduct(pid, "product " + pid, List.of(), vs));
    }
    InventoryEngine importer = InventoryEngine.builder().store(store).supplier(copy).build();
    importer.registerTenant(Tenant.of(SHOP, Plan.PREMIUM, CjSupplier.USD));
    for (String pid : sim.productIds()) {
      importer.importProduct(SHOP, pid).requireProduct();
    }
  }

  /** The seed's approach: 10 products at a time (in parallel), then a fixed 1 s sleep. */
  private static int seedStyle(InventoryEngine engine, List<ProductId> ids, ExecutorService pool) throws Exception {
    int failed = 0;
    for (int from = 0; from < ids.size(); from += 10) {
      List<Future<?>> batch = new ArrayList<>();
      for (ProductId id : ids.subList(from, Math.min(ids.size(), from + 10))) {
        batch.add(pool.submit(() -> engine.sync().syncNow(SHOP, id, "seed-style")));
      }
      for (Future<?> f : batch) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failed++;
        }
      }
      if (from + 10 < ids.size()) {
        Thread.sleep(1000);
      }
    }
    return failed;
  }

  private static Result result(String name, long t0, int[] before, Counter c, int failed) {
    double s = (System.nanoTime() - t0) / 1e9;
    int[] now = c.snapshot();
    return new Result(name, s, now[0] - before[0], now[1] - before[1], now[2] - before[2], now[3] - before[3], failed);
  }

  private static void print(PrintStream out, int qps, double safety, Result ours, Result seed, Result legacy, int legacyProducts,
      OptionalLong pointsStart, OptionalLong pointsAfterOurs, int products) {
    out.println();
    out.printf(Locale.ROOT, "%-58s %9s %7s %9s %11s %9s %8s %7s%n", "run", "wall s", "calls", "calls/QPS",
        "time/(c/Q)", "throttled", "retries", "failed");
    for (Result r : List.of(ours, seed, legacy)) {
      if (r.calls() == 0) {
        continue;
      }
      double ideal = (double) r.calls() / qps;
      out.printf(Locale.ROOT, "%-58s %9.1f %7d %9.1f %11.3f %9d %8d %7d%n", r.name(), r.seconds(), r.calls(), ideal,
          r.seconds() / ideal, r.throttles(), r.retries(), r.failed());
    }
    double oursIdeal = (double) ours.calls() / qps;
    out.println();
    out.printf(Locale.ROOT, "ours: %d products, %d CJ calls (%d /product/query) = %.2f calls per product%n", products,
        ours.calls(), ours.productQueries(), (double) ours.calls() / products);
    out.printf(Locale.ROOT, "ours: time / (calls/QPS) = %.3f (goal <= 1.05); against the limiter's own pace"
        + " (calls x %.2f / QPS = %.1f s): %.3f%n", ours.seconds() / oursIdeal, safety, oursIdeal * safety,
        ours.seconds() / (oursIdeal * safety));
    if (seed.calls() > 0) {
      out.printf(Locale.ROOT, "seed-style / ours wall time = %.2f%n", seed.seconds() / ours.seconds());
    }
    if (legacyProducts > 0) {
      out.printf(Locale.ROOT, "old two-read path: %.2f calls per product (sample of %d)%n",
          (double) legacy.calls() / legacyProducts, legacyProducts);
    }
    if (pointsStart.isPresent() && pointsAfterOurs.isPresent()) {
      out.printf(Locale.ROOT, "points (CJ pointsInfo): %d before ours, %d after ours: %d used (incl. refill)%n",
          pointsStart.getAsLong(), pointsAfterOurs.getAsLong(), pointsStart.getAsLong() - pointsAfterOurs.getAsLong());
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return "unavailable (" + e.getClass().getSimpleName() + ")";
    }
  }
}

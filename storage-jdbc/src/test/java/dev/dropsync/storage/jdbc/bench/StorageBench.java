package dev.dropsync.storage.jdbc.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.spi.ClaimFilter;
import dev.dropsync.storage.jdbc.DropsyncSchema;
import dev.dropsync.storage.jdbc.JdbcInventoryStore;
import dev.dropsync.storage.jdbc.JdbcTaskStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The storage-jdbc benchmark harness (a main class, not a test; run it with {@code
 * storage-jdbc/bench.sh}). It starts an embedded PostgreSQL (zonky), migrates it, connects as a
 * plain application role (row-level security on), and prints:
 *
 * <ol>
 *   <li>tasks claimed and completed per second through {@link JdbcTaskStore} with {@code workers}
 *       threads (default 4), each looping {@code claimDue(now, batch)} then {@code complete} per
 *       task, over a pre-filled queue, with one owner and with 50 owners (fairness across owners);
 *   <li>stock updates per second through {@link JdbcInventoryStore#setOnHand} with {@code workers}
 *       threads, on one tenant (they share its ledger counter) and on one tenant per thread.
 * </ol>
 *
 * <p>Arguments ({@code key=value}): {@code tasks=100000 workers=4 batch=100 seconds=10
 * durable=false}. With {@code durable=true} the server runs with {@code fsync} and {@code
 * synchronous_commit} on (every commit waits for its WAL flush); otherwise {@code
 * synchronous_commit=off} (zonky's default: commits are durable within ~3 wal_writer_delay, a crash
 * loses at most the last moments, never consistency).
 */
public final class StorageBench {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private StorageBench() {}

  /** Runs the benchmarks; see the class doc for the arguments. */
  public static void main(String[] args) throws Exception {
    int tasks = intArg(args, "tasks", 100_000);
    int workers = intArg(args, "workers", 4);
    int batch = intArg(args, "batch", 100);
    int seconds = intArg(args, "seconds", 10);
    boolean durable = Boolean.parseBoolean(arg(args, "durable", "false"));
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "100");
    if (durable) {
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
    }
    System.out.printf(Locale.ROOT, "storage-jdbc bench: JDK %s, %d cores, %s%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), durable ? "durable commits (fsync on, synchronous_commit on)"
            : "synchronous_commit=off (fsync on)");
    try (EmbeddedPostgres pg = builder.start();
        HikariDataSource admin = pool(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 2)) {
      DropsyncSchema.migrate(admin);
      exec(admin, "CREATE ROLE dropsync_app LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS");
      DropsyncSchema.grantTo(admin, "dropsync_app");
      System.out.println("server: " + single(admin, "SELECT version()"));
      try (HikariDataSource app = pool(pg.getJdbcUrl("dropsync_app", "postgres"), "dropsync_app", "app",
          workers * 2)) {
        for (int owners : new int[] {1, 50}) {
          taskBench(admin, app, tasks, workers, batch, owners);
        }
        stockBench(app, workers, seconds, false);
        stockBench(app, workers, seconds, true);
      }
    }
  }

  private static void taskBench(DataSource admin, DataSource app, int tasks, int workers, int batch, int owners)
      throws Exception {
    exec(admin, "TRUNCATE automation_tasks, automation_task_owners");
    long nowNs = NOW.getEpochSecond() * 1_000_000_000L;
    try (Connection c = admin.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO automation_tasks (id, tenant_id, task_type, "
            + "instance_key, priority, status, payload, retry_count, max_retries, created_at, created_ns, "
            + "scheduled_at, scheduled_ns, version) SELECT 't' || g, 'owner-' || (g % ?), 'bench', 'k' || g, "
            + "(ARRAY[10, 50, 90, 100])[1 + g % 4], 'PENDING', '{}'::jsonb, 0, 3, ?, ?, ?, ? - g, 0 FROM "
            + "generate_series(1, ?) g")) {
      ps.setInt(1, owners);
      ps.setObject(2, NOW.atOffset(java.time.ZoneOffset.UTC));
      ps.setLong(3, nowNs);
      ps.setObject(4, NOW.atOffset(java.time.ZoneOffset.UTC));
      ps.setLong(5, nowNs);
      ps.setInt(6, tasks);
      ps.executeUpdate();
    }
    exec(admin, "VACUUM ANALYZE automation_tasks");
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    AtomicLong claims = new AtomicLong();
    AtomicLong claimNanos = new AtomicLong();
    AtomicLong completeNanos = new AtomicLong();
    long start = System.nanoTime();
    List<Future<Long>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      String worker = "worker-" + w;
      JdbcTaskStore store = new JdbcTaskStore(app);
      done.add(pool.submit(() -> {
        long n = 0;
        while (true) {
          long t0 = System.nanoTime();
          List<AutomationTask> claimed = store.claimDue(NOW, batch, worker, ClaimFilter.any());
          claimNanos.addAndGet(System.nanoTime() - t0);
          if (claimed.isEmpty()) {
            if (store.countDue(NOW) == 0) {
              return n;
            }
            continue;
          }
          claims.incrementAndGet();
          long t1 = System.nanoTime();
          for (AutomationTask t : claimed) {
            if (!store.complete(t.id(), worker, t.version(), NOW)) {
              throw new IllegalStateException("lost claim of " + t.id());
            }
            n++;
          }
          completeNanos.addAndGet(System.nanoTime() - t1);
        }
      }));
    }
    long completed = 0;
    for (Future<Long> f : done) {
      completed += f.get(1, TimeUnit.HOURS);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long left = Long.parseLong(single(admin, "SELECT count(*) FROM automation_tasks WHERE status <> 'COMPLETED'"));
    System.out.printf(Locale.ROOT, "tasks: %,d claimed and completed by %d workers (batch %d, %d owner%s) in %.2f s "
            + "= %,.0f tasks/s (%,d claim calls of %.1f ms, %.2f ms per complete, per worker; %d left unfinished)%n",
        completed, workers, batch, owners, owners == 1 ? "" : "s", secs, completed / secs, claims.get(),
        claimNanos.get() / 1e6 / Math.max(1, claims.get()), completeNanos.get() / 1e6 / Math.max(1, completed), left);
  }

  private static void stockBench(DataSource app, int workers, int seconds, boolean tenantPerWorker) throws Exception {
    int variantsPerTenant = 1000;
    JdbcInventoryStore store = new JdbcInventoryStore(app);
    List<TenantId> tenants = new ArrayList<>();
    String run = tenantPerWorker ? "own" : "shared";
    for (int t = 0; t < (tenantPerWorker ? workers : 1); t++) {
      TenantId id = TenantId.of("bench-" + run + "-" + t);
      tenants.add(id);
      store.saveTenant(Tenant.of(id, Plan.PREMIUM, Currency.getInstance("USD")));
      for (int p = 0; p < variantsPerTenant / 10; p++) {
        List<Variant> vs = new ArrayList<>();
        for (int v = 0; v < 10; v++) {
          vs.add(new Variant(VariantId.of("p" + p + "-v" + v), "sv" + p + "-" + v, "SKU", Money.of("2.00", "USD"), 50, 0,
              Money.of("4.99", "USD"), null, false, false, null));
        }
        store.insertProductIfAbsent(new Product(id, ProductId.of("p" + p), "cj", "sp" + p, "Bench", "Home", List.of(),
            vs, ProductStatus.ACTIVE, null, null, 0, NOW, NOW), NOW);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<Long>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < workers; w++) {
      TenantId tenant = tenants.get(tenantPerWorker ? w : 0);
      SplittableRandom r = new SplittableRandom(w);
      done.add(pool.submit(() -> {
        long n = 0;
        while (!stop.get()) {
          int p = r.nextInt(variantsPerTenant / 10);
          VariantId v = VariantId.of("p" + p + "-v" + r.nextInt(10));
          if (store.setOnHand(tenant, v, 1 + r.nextInt(1000), LedgerReason.SUPPLIER_SYNC, "bench", NOW).changed()) {
            n++;
          }
        }
        return n;
      }));
    }
    TimeUnit.SECONDS.sleep(seconds);
    stop.set(true);
    long updates = 0;
    for (Future<Long> f : done) {
      updates += f.get(1, TimeUnit.MINUTES);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    System.out.printf(Locale.ROOT, "stock: %,d setOnHand updates (each with its ledger row) by %d workers on %s "
            + "in %.2f s = %,.0f updates/s%n", updates, workers,
        tenantPerWorker ? "one tenant each" : "one shared tenant", secs, updates / secs);
  }

  private static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(url);
    cfg.setUsername(user);
    cfg.setPassword(password);
    cfg.setMaximumPoolSize(size);
    cfg.setPoolName("bench-" + user);
    return new HikariDataSource(cfg);
  }

  private static void exec(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String single(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String arg(String[] args, String key, String fallback) {
    for (String a : args) {
      if (a.startsWith(key + "=")) {
        return a.substring(key.length() + 1);
      }
    }
    return fallback;
  }

  private static int intArg(String[] args, String key, int fallback) {
    return Integer.parseInt(arg(args, key, Integer.toString(fallback)));
  }
}

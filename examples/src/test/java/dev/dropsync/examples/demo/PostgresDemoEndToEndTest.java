package dev.dropsync.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.SimClock;
import dev.dropsync.fulfillment.EarningsTotals;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's whole flow with {@code --store postgres} against a real PostgreSQL (zonky embedded
 * server, binaries from Maven Central), the embedded CJ simulator and a virtual clock: every product
 * synced, no supplier order twice, and every number of the summary equal to the database's rows,
 * read with SQL as the superuser. Two runs share the database without touching each other's data.
 */
class PostgresDemoEndToEndTest {
  private static EmbeddedPostgres postgres;
  private static DataSource admin;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final SimClock clock = SimClock.at(Instant.parse("2026-12-01T09:00:00Z"));

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
        .start();
    admin = postgres.getPostgresDatabase();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  /** A finished run: its tenants, its summary and the orders CJ (the simulator) holds. */
  private record Outcome(String premium, String free, DemoReport report, long cjOrders) {}

  /** Runs the demo with {@code args} on its own simulator; returns the demo and its summary. */
  private Outcome run(String... args) {
    DemoOptions options = DemoOptions.parse(List.of(args));
    try (DemoStores stores = DemoStores.open(options);
        CjSimulator sim = Demo.simulatorFor(options, clock).build().start()) {
      Demo demo = new Demo(options, CjTarget.embedded(), DemoEnvironment.virtual(clock, out), stores);
      DemoReport report = demo.run(sim);
      assertThat(sim.recorder().duplicateOrderNumbers()).as("supplier orders placed twice at CJ").isEmpty();
      assertThat(sim.recorder().throttleViolations()).isZero();
      return new Outcome(demo.premium().value(), demo.free().value(), report, sim.orders().count());
    }
  }

  @Test
  void twoRunsOnOneDatabaseKeepEveryPromiseAndTheSummaryIsTheDatabases() throws SQLException {
    String url = postgres.getJdbcUrl("postgres", "postgres");
    Outcome first = run("--products", "12", "--orders", "4", "--store", "postgres", "--jdbc-url", url,
        "--faults", "--fault-rate", "0.1", "--seed", "5");
    String text = printed.toString(StandardCharsets.UTF_8);
    System.out.print(text); // kept in the surefire report
    assertThat(text).contains("Stores: postgres " + url + " as postgres; stores run as role dropsync_app "
        + "(row-level security on); schema 6 migration(s) applied")
        .contains("Tenants of this run: " + first.premium() + " and " + first.free())
        .contains("schedules paused");
    assertMatchesTheDatabase(first, 12, 4);
    String firstRows = rowsOf(first);

    printed.reset();
    Outcome second = run("--products", "6", "--orders", "2", "--store", "postgres", "--jdbc-url", url);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("schema up to date");
    assertThat(second.premium()).isNotEqualTo(first.premium());
    assertThat(second.free()).isNotEqualTo(first.free());
    assertMatchesTheDatabase(second, 6, 2);
    assertThat(rowsOf(first)).as("the second run left the first run's rows as they were").isEqualTo(firstRows);
  }

  @Test
  void aPlainOwnerRoleRunsTheStoresItselfUnderRowLevelSecurity() throws SQLException {
    exec(admin, "CREATE ROLE demo_owner LOGIN PASSWORD 'owner-pw-3' NOSUPERUSER NOBYPASSRLS");
    exec(admin, "CREATE DATABASE demo_owned OWNER demo_owner");
    String url = postgres.getJdbcUrl("demo_owner", "demo_owned").replaceAll("[?&]user=[^&]*", "");
    Outcome run;
    {
      DemoOptions options = DemoOptions.parse(List.of("--products", "3", "--orders", "1", "--store", "postgres",
          "--jdbc-url", url, "--jdbc-user", "demo_owner"), java.util.Map.of("PGPASSWORD", "owner-pw-3"));
      try (DemoStores stores = DemoStores.open(options);
          CjSimulator sim = Demo.simulatorFor(options, clock).build().start()) {
        Demo demo = new Demo(options, CjTarget.embedded(), DemoEnvironment.virtual(clock, out), stores);
        DemoReport report = demo.run(sim);
        run = new Outcome(demo.premium().value(), demo.free().value(), report, sim.orders().count());
      }
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("as demo_owner; row-level security on; schema 6 migration(s) applied")
        .doesNotContain("owner-pw-3");
    assertThat(run.report().productsSynced()).isEqualTo(3);
    assertThat(run.cjOrders()).isEqualTo(1);
    // the tables belong to the demo's role and their policies are forced on it
    DataSource owned = postgres.getDatabase("postgres", "demo_owned");
    assertThat(one(owned, "SELECT count(*) FROM pg_class WHERE relname = 'inventory_products' "
        + "AND relrowsecurity AND relforcerowsecurity AND pg_get_userbyid(relowner) = 'demo_owner'")).isEqualTo(1);
    assertThat(one(owned, "SELECT count(*) FROM inventory_products WHERE tenant_id = ?", run.premium())).isEqualTo(3);
  }

  private static void assertMatchesTheDatabase(Outcome o, int products, int orders) throws SQLException {
    DemoReport r = o.report();
    String p = o.premium();
    assertThat(r.premiumTenant()).isEqualTo(p);
    // every product synced
    assertThat(r.products()).isEqualTo(products);
    assertThat(r.productsSynced()).isEqualTo(products);
    assertThat(one(admin, "SELECT count(*) FROM inventory_products WHERE tenant_id = ?", p)).isEqualTo(products);
    assertThat(one(admin, "SELECT count(DISTINCT product_id) FROM inventory_sync_items WHERE tenant_id = ? "
        + "AND outcome IN ('UPDATED', 'UNCHANGED')", p)).as("products some sync pass synced").isEqualTo(products);
    assertThat(one(admin, "SELECT count(*) FROM inventory_variants WHERE tenant_id = ?", p)).isEqualTo(r.variants());
    assertThat(one(admin, "SELECT count(*) FROM inventory_products WHERE tenant_id = ? "
        + "AND status = 'INACTIVE_OUT_OF_STOCK'", p)).isEqualTo(r.deactivated());
    assertThat(one(admin, "SELECT count(*) FROM inventory_products WHERE tenant_id = ? AND status = 'ACTIVE'",
        o.free())).isEqualTo(r.freeActive()).isEqualTo(10);
    // stock alerts
    assertThat(one(admin, "SELECT count(*) FROM stock_alerts WHERE tenant_id = ? AND kind = 'LOW_STOCK' "
        + "AND closed_ns IS NULL", p)).isEqualTo(r.lowStockAlerts());
    assertThat(one(admin, "SELECT count(*) FROM stock_alerts WHERE tenant_id = ? AND kind = 'OUT_OF_STOCK' "
        + "AND closed_ns IS NULL", p)).isEqualTo(r.outOfStockAlerts());
    assertThat(one(admin, "SELECT count(*) FROM stock_alerts WHERE tenant_id IN (?, ?) AND delivered_ns IS NOT NULL",
        p, o.free())).isEqualTo(r.alertsDelivered());
    // supplier orders: one per order, each once at CJ, every one tracked
    assertThat(one(admin, "SELECT count(*) FROM orders WHERE tenant_id = ?", p)).isEqualTo(orders)
        .isEqualTo(r.kpis().orders());
    assertThat(one(admin, "SELECT count(*) FROM supplier_orders WHERE tenant_id = ?", p)).isEqualTo(orders)
        .isEqualTo(r.ordersPlaced()).isEqualTo(o.cjOrders());
    assertThat(one(admin, "SELECT count(DISTINCT supplier_order_id) FROM supplier_orders WHERE tenant_id = ?", p))
        .isEqualTo(orders);
    assertThat(one(admin, "SELECT count(*) FROM supplier_orders WHERE tenant_id = ? AND tracking_number IS NOT NULL",
        p)).isEqualTo(r.ordersTracked()).isEqualTo(orders);
    // commission, from the ledger
    EarningsTotals e = Objects.requireNonNull(r.earnings());
    assertThat(decimal("SELECT sum(base) FROM commission_ledger WHERE tenant_id = ?", p))
        .isEqualByComparingTo(e.base().amount());
    assertThat(decimal("SELECT sum(client) FROM commission_ledger WHERE tenant_id = ?", p))
        .isEqualByComparingTo(e.client().amount());
    assertThat(decimal("SELECT sum(platform) FROM commission_ledger WHERE tenant_id = ?", p))
        .isEqualByComparingTo(e.platform().amount());
    assertThat(one(admin, "SELECT count(*) FROM commission_ledger WHERE tenant_id = ?", p)).isEqualTo(e.entries());
    // analytics of the orders' day: sales ledger, stock history, snapshots, fulfilment metrics
    DemoReport.Analytics a = Objects.requireNonNull(r.analytics());
    Object day = a.day();
    assertThat(one(admin, "SELECT sum(quantity) FROM analytics_sales WHERE tenant_id = ?", p)).isEqualTo(a.unitsSold())
        .isPositive();
    assertThat(one(admin, "SELECT units_sold FROM inventory_health WHERE tenant_id = ? AND day = ?", p, day))
        .isEqualTo(a.unitsSold());
    assertThat(decimal("SELECT revenue FROM inventory_health WHERE tenant_id = ? AND day = ?", p, day))
        .isEqualByComparingTo(a.revenue().amount());
    assertThat(decimal("SELECT stock_value FROM inventory_health WHERE tenant_id = ? AND day = ?", p, day))
        .isEqualByComparingTo(a.stockValue().amount());
    assertThat(one(admin, "SELECT count(*) FROM stock_history WHERE tenant_id = ? AND day = ?", p, day))
        .isEqualTo(a.stockObservations()).isPositive();
    assertThat(one(admin, "SELECT count(*) FROM product_analytics WHERE tenant_id = ? AND day = ?", p, day))
        .isEqualTo(a.productsAnalysed());
    assertThat(one(admin, "SELECT orders FROM fulfillment_metrics WHERE tenant_id = ? AND day = ?", p, day))
        .isEqualTo(a.orders()).isEqualTo(orders);
    // the run left nothing for a later scheduler: schedules paused, no unfinished task
    assertThat(one(admin, "SELECT count(*) FROM automation_schedules WHERE tenant_id IN (?, ?)", p, o.free()))
        .isPositive();
    assertThat(one(admin, "SELECT count(*) FROM automation_schedules WHERE tenant_id IN (?, ?) AND active", p,
        o.free())).isZero();
    assertThat(one(admin, "SELECT count(*) FROM automation_tasks WHERE tenant_id IN (?, ?) "
        + "AND status IN ('PENDING', 'RUNNING')", p, o.free())).isZero();
  }

  /** Every row of the run's tenants in the main tables, as text. */
  private static String rowsOf(Outcome o) throws SQLException {
    StringBuilder sb = new StringBuilder();
    for (String table : List.of("inventory_products", "inventory_variants", "orders", "supplier_orders",
        "commission_ledger", "stock_alerts", "automation_tasks", "automation_schedules", "analytics_sales",
        "stock_history", "inventory_health", "fulfillment_metrics")) {
      try (Connection c = admin.getConnection();
          PreparedStatement ps = c.prepareStatement("SELECT to_jsonb(t)::text FROM " + table
              + " t WHERE tenant_id IN (?, ?) ORDER BY 1")) {
        ps.setString(1, o.premium());
        ps.setString(2, o.free());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sb.append(table).append(' ').append(rs.getString(1)).append('\n');
          }
        }
      }
    }
    return sb.toString();
  }

  private static long one(DataSource ds, String sql, Object... args) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        return rs.getLong(1);
      }
    }
  }

  private static BigDecimal decimal(String sql, Object... args) throws SQLException {
    try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        return Objects.requireNonNull(rs.getBigDecimal(1), sql);
      }
    }
  }

  private static void exec(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}

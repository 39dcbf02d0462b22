package dev.dropsync.storage.jdbc;

import static dev.dropsync.storage.jdbc.RawSql.adminCount;
import static dev.dropsync.storage.jdbc.RawSql.adminTenants;
import static dev.dropsync.storage.jdbc.RawSql.assertRowLevelSecurityForced;
import static dev.dropsync.storage.jdbc.RawSql.scope;
import static dev.dropsync.storage.jdbc.RawSql.tenants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.SyncItem;
import dev.dropsync.inventory.SyncItemOutcome;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.SyncRunStatus;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.pricing.PricingRule;
import dev.dropsync.inventory.pricing.PricingScope;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.MisfirePolicy;
import dev.dropsync.scheduler.OverlapPolicy;
import dev.dropsync.scheduler.Recurrence;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.TaskPriority;
import dev.dropsync.scheduler.spi.ClaimFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-level security of every table of V2 (inventory) and V4 (scheduler), checked with raw SQL as
 * the application role: scoped to tenant A a session sees only A's rows, with the setting unset it
 * sees nothing, and it can neither insert rows for B nor move or change B's rows. The scheduler
 * tables also admit the system scope (the claim loop), which {@link
 * DropsyncSchema#restrictSystemScope} narrows to the scheduler's own role.
 */
class InventorySchedulerTenantIsolationTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final String[] TABLES = {"inventory_tenants", "inventory_products", "inventory_variants",
      "inventory_ledger", "inventory_reservations", "inventory_reservation_lines", "inventory_pricing_rules",
      "inventory_sync_runs", "inventory_sync_items", "automation_tasks", "automation_task_owners",
      "automation_schedules"};

  private DataSource app;

  @BeforeEach
  void seedBothTenants() {
    app = TestDatabase.get().fresh();
    seed("tenant-a", "a");
    seed("tenant-b", "b");
  }

  private void seed(String tenant, String p) {
    TenantId t = TenantId.of(tenant);
    JdbcInventoryStore inventory = new JdbcInventoryStore(app);
    inventory.saveTenant(Tenant.of(t, Plan.FREE, Currency.getInstance("USD")));
    List<Variant> vs = List.of(
        new Variant(VariantId.of(p + "-v1"), p + "-sv1", "SKU1", Money.of("2.00", "USD"), 10, 0,
            Money.of("4.99", "USD"), null, false, false, null),
        new Variant(VariantId.of(p + "-v2"), p + "-sv2", "SKU2", Money.of("2.00", "USD"), 5, 0,
            Money.of("4.99", "USD"), null, false, false, null));
    inventory.insertProductIfAbsent(new Product(t, ProductId.of(p + "-p1"), "cj", p + "-sp1", "Mug", "Kitchen",
        List.of("home"), vs, ProductStatus.DRAFT, null, null, 0, T0, T0), T0);
    inventory.reserve(t, p + "-o1", List.of(new ReservationLine(VariantId.of(p + "-v1"), 2)), T0);
    inventory.setOnHand(t, VariantId.of(p + "-v2"), 7, LedgerReason.SUPPLIER_SYNC, "sync", T0);
    inventory.savePricingRule(t, PricingScope.tenant(), PricingRule.builder().multiplier("2").build());
    inventory.saveSyncRun(new SyncRun(p + "-run", t, SyncRunStatus.COMPLETED, T0, T0, 1, 1, 0, 0));
    inventory.recordSyncItems(t, p + "-run", Map.of(ProductId.of(p + "-p1"), SyncItem.of(SyncItemOutcome.UPDATED)));

    JdbcTaskStore tasks = new JdbcTaskStore(app);
    tasks.insertIfAbsent(AutomationTask.pending(p + "-t1", "sync", p + "-k1", tenant, TaskPriority.MEDIUM, Map.of(),
        3, T0, T0, null, null));
    tasks.claimDue(T0, 1, "w", new ClaimFilter(java.util.Set.of("sync"), Map.of()));
    tasks.insertIfAbsent(AutomationTask.pending(p + "-t2", "sync", p + "-k2", tenant, TaskPriority.MEDIUM, Map.of(),
        3, T0, T0.plusSeconds(60), null, null));
    tasks.insertSchedule(new Schedule(p + "-s1", tenant, "sync", Recurrence.every(Duration.ofMinutes(5)), Map.of(),
        TaskPriority.MEDIUM, 3, null, MisfirePolicy.fireOnceNow(), OverlapPolicy.ALLOW, true, T0, null, T0, 0, 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"inventory_tenants", "inventory_products", "inventory_variants", "inventory_ledger",
      "inventory_reservations", "inventory_reservation_lines", "inventory_pricing_rules", "inventory_sync_runs",
      "inventory_sync_items", "automation_tasks", "automation_task_owners", "automation_schedules"})
  void appRoleScopedToTenantASeesAndWritesOnlyTenantARows(String table) throws SQLException {
    assertThat(adminTenants(table)).as("both tenants seeded").containsExactlyInAnyOrder("tenant-a", "tenant-b");
    String columns = insertableColumns(table);
    try (Connection c = app.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // setting unset: nothing visible, even with a query that asks for B explicitly
        assertThat(tenants(s, "SELECT tenant_id FROM " + table)).isEmpty();
        assertThat(tenants(s, "SELECT tenant_id FROM " + table + " WHERE tenant_id = 'tenant-b'")).isEmpty();
        c.rollback();

        scope(c, "tenant-a", "");
        assertThat(tenants(s, "SELECT tenant_id FROM " + table)).isNotEmpty().containsOnly("tenant-a");
        assertThat(tenants(s, "SELECT tenant_id FROM " + table + " WHERE tenant_id = 'tenant-b'")).isEmpty();
        // B's rows cannot be changed or deleted (they are invisible) ...
        assertThat(s.executeUpdate("UPDATE " + table + " SET tenant_id = tenant_id WHERE tenant_id = 'tenant-b'"))
            .isZero();
        assertThat(s.executeUpdate("DELETE FROM " + table + " WHERE tenant_id = 'tenant-b'")).isZero();
        c.rollback();

        // ... A's rows cannot be moved to B (the ledger refuses any update before that) ...
        scope(c, "tenant-a", "");
        assertThatThrownBy(() -> s.executeUpdate("UPDATE " + table + " SET tenant_id = 'tenant-b'"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining(table.equals("inventory_ledger") ? "append-only" : "row-level security");
        c.rollback();

        // ... and no row can be inserted for B (a copy of an A row re-labelled as B's)
        scope(c, "tenant-a", "");
        assertThatThrownBy(() -> s.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + columns
            + " FROM (SELECT (jsonb_populate_record(NULL::" + table
            + ", to_jsonb(x) || '{\"tenant_id\": \"tenant-b\"}')).* FROM " + table + " x LIMIT 1) y"))
            .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
        c.rollback();
      }
      c.setAutoCommit(true);
    }
    assertThat(adminCount(table, "tenant-b")).as("B's rows untouched").isEqualTo(adminCount(table, "tenant-a"));
  }

  @Test
  void rowLevelSecurityIsForcedOnEveryTable() throws SQLException {
    assertRowLevelSecurityForced(TABLES);
  }

  @Test
  void systemScopeSeesEveryTenantsTasksButNoInventoryRows() throws SQLException {
    try (Connection c = app.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        scope(c, "", "system");
        assertThat(tenants(s, "SELECT tenant_id FROM automation_tasks")).contains("tenant-a", "tenant-b");
        assertThat(tenants(s, "SELECT tenant_id FROM automation_schedules")).contains("tenant-a", "tenant-b");
        for (String table : TABLES) {
          if (table.startsWith("inventory_")) {
            assertThat(tenants(s, "SELECT tenant_id FROM " + table)).as(table).isEmpty();
          }
        }
      }
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  @Test
  void restrictingTheSystemScopeLeavesOnlyTheSchedulerRoleWorkingAcrossTenants() throws SQLException {
    TestDatabase db = TestDatabase.get();
    exec(db.admin(), "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dropsync_scheduler') THEN "
        + "CREATE ROLE dropsync_scheduler LOGIN PASSWORD 'scheduler' NOSUPERUSER NOBYPASSRLS; END IF; END $$");
    DropsyncSchema.grantTo(db.admin(), "dropsync_scheduler");
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(db.jdbcUrl("dropsync_scheduler"));
    cfg.setUsername("dropsync_scheduler");
    cfg.setPassword("scheduler");
    cfg.setMaximumPoolSize(2);
    try (HikariDataSource schedulerPool = new HikariDataSource(cfg)) {
      DropsyncSchema.restrictSystemScope(db.admin(), "dropsync_scheduler");
      DropsyncSchema.restrictSystemScope(db.admin(), "dropsync_scheduler"); // idempotent
      JdbcTaskStore asApp = new JdbcTaskStore(app);
      JdbcTaskStore asScheduler = new JdbcTaskStore(schedulerPool);
      Instant later = T0.plusSeconds(120);

      // the application role in system scope sees no tenant's tasks any more ...
      assertThat(asApp.findTask("a-t2")).isEmpty();
      assertThat(asApp.countDue(later)).isZero();
      assertThat(asApp.claimDue(later, 10, "intruder", ClaimFilter.any())).isEmpty();
      try (Connection c = app.getConnection()) {
        c.setAutoCommit(false);
        scope(c, "", "system");
        try (Statement s = c.createStatement()) {
          assertThat(tenants(s, "SELECT tenant_id FROM automation_tasks")).isEmpty();
        }
        c.rollback();
        c.setAutoCommit(true);
      }
      // ... but tenant-scoped reads still work for it, each tenant seeing its own
      assertThat(asApp.tasksByOwner("tenant-a")).extracting(AutomationTask::id).containsExactlyInAnyOrder("a-t1", "a-t2");
      assertThat(asApp.schedulesByOwner("tenant-b")).extracting(Schedule::id).containsExactly("b-s1");

      // the scheduler's role claims across tenants
      assertThat(asScheduler.countDue(later)).isEqualTo(2);
      assertThat(asScheduler.claimDue(later, 10, "scheduler", ClaimFilter.any())).extracting(AutomationTask::owner)
          .containsExactlyInAnyOrder("tenant-a", "tenant-b");
    } finally {
      for (String table : DropsyncSchema.SYSTEM_SCOPE_TABLES) {
        exec(db.admin(), "ALTER POLICY " + table + "_system ON " + table + " TO PUBLIC");
      }
    }
    assertThat(new JdbcTaskStore(app).findTask("a-t2")).isPresent();
  }

  @Test
  void restrictSystemScopeRefusesANonIdentifier() {
    assertThatThrownBy(() -> DropsyncSchema.restrictSystemScope(TestDatabase.get().admin(), "x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role");
  }

  private static String insertableColumns(String table) throws SQLException {
    try (Connection c = TestDatabase.get().admin().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT string_agg(quote_ident(column_name), ', ' ORDER BY "
            + "ordinal_position) FROM information_schema.columns WHERE table_schema = current_schema() "
            + "AND table_name = ? AND is_generated = 'NEVER' AND is_identity = 'NO'")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static void exec(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}

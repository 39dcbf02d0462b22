package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.automation.EncryptedSecretStore;
import dev.dropsync.automation.Secret;
import dev.dropsync.automation.SecretKeyRing;
import dev.dropsync.automation.SecretName;
import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.automation.WebhookLog;
import dev.dropsync.automation.WebhookOutcome;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-level security of every table of V6 (automation), checked with raw SQL as the application
 * role: scoped to tenant A a session sees only A's rows, with the setting unset (or in the system
 * scope) it sees nothing, and it can neither insert a row for B nor move or change B's rows. Both
 * tenants hold rows under the same ids (message id, alert id, secret name).
 */
class AutomationTenantIsolationTest {
  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final String[] TABLES = {"webhook_logs", "stock_alerts", "secret_ciphertexts"};

  private DataSource app;

  @BeforeEach
  void seedBothTenants() {
    app = TestDatabase.get().fresh();
    JdbcWebhookLogStore logs = new JdbcWebhookLogStore(app);
    JdbcStockAlertStore alerts = new JdbcStockAlertStore(app);
    EncryptedSecretStore secrets = EncryptedSecretStore.builder()
        .keyRing(SecretKeyRing.of("k1", SecretKeyRing.generateKey())).storage(new JdbcCiphertextStore(app)).build();
    for (TenantId t : List.of(TenantId.of("tenant-a"), TenantId.of("tenant-b"))) {
      logs.insertIfAbsent(WebhookLog.verified(t, "m1", "STOCK", "UPDATE", T0, WebhookOutcome.QUEUED, null,
          "{\"messageId\":\"m1\"}"));
      logs.insertIfAbsent(WebhookLog.rejected(t, WebhookLog.UNVERIFIED_PREFIX + "x", T0, "forged"));
      alerts.open(new StockAlert(t, "a1", ProductId.of("p1"), VariantId.of("v1"), "SKU-1", StockAlertKind.LOW_STOCK, 2,
          5, T0, null, null));
      secrets.put(t, SecretName.CJ_API_KEY, Secret.of("key-of-" + t.value()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"webhook_logs", "stock_alerts", "secret_ciphertexts"})
  void appRoleScopedToTenantASeesAndWritesOnlyTenantARows(String table) throws SQLException {
    assertThat(adminTenants(table)).as("both tenants seeded").containsExactlyInAnyOrder("tenant-a", "tenant-b");
    try (Connection c = app.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // setting unset: nothing visible, even with a query that asks for B explicitly
        assertThat(tenants(s, "SELECT tenant_id FROM " + table)).isEmpty();
        assertThat(tenants(s, "SELECT tenant_id FROM " + table + " WHERE tenant_id = 'tenant-b'")).isEmpty();
        assertThat(s.executeUpdate("DELETE FROM " + table)).isZero();
        c.rollback();

        // the scheduler's system scope grants nothing on these tables
        scope(c, "", "system");
        assertThat(tenants(s, "SELECT tenant_id FROM " + table)).isEmpty();
        c.rollback();

        scope(c, "tenant-a", "");
        assertThat(tenants(s, "SELECT tenant_id FROM " + table)).isNotEmpty().containsOnly("tenant-a");
        assertThat(tenants(s, "SELECT tenant_id FROM " + table + " WHERE tenant_id = 'tenant-b'")).isEmpty();
        // B's rows cannot be changed or deleted (they are invisible) ...
        assertThat(s.executeUpdate("UPDATE " + table + " SET tenant_id = tenant_id WHERE tenant_id = 'tenant-b'"))
            .isZero();
        assertThat(s.executeUpdate("DELETE FROM " + table + " WHERE tenant_id = 'tenant-b'")).isZero();
        c.rollback();

        // ... A's rows cannot be moved to B ...
        scope(c, "tenant-a", "");
        assertThatThrownBy(() -> s.executeUpdate("UPDATE " + table + " SET tenant_id = 'tenant-b'"))
            .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
        c.rollback();

        // ... and no row can be inserted for B (a copy of an A row re-labelled as B's)
        scope(c, "tenant-a", "");
        assertThatThrownBy(() -> s.executeUpdate("INSERT INTO " + table + " SELECT (jsonb_populate_record(NULL::"
            + table + ", to_jsonb(x) || '{\"tenant_id\": \"tenant-b\"}')).* FROM " + table + " x LIMIT 1"))
            .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
        c.rollback();
      }
      c.setAutoCommit(true);
    }
    assertThat(adminCount(table, "tenant-b")).as("B's rows untouched").isEqualTo(adminCount(table, "tenant-a"))
        .isPositive();
  }

  @Test
  void rowLevelSecurityIsForcedOnEveryTable() throws SQLException {
    try (Connection c = TestDatabase.get().admin().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = ?")) {
      for (String table : TABLES) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).as(table).isTrue();
          assertThat(rs.getBoolean(1)).as(table).isTrue();
        }
      }
    }
  }

  @Test
  void theStoresScopedToAReadNothingOfBsUnderTheSameIds() {
    TenantId c = TenantId.of("tenant-c");
    assertThat(new JdbcWebhookLogStore(app).find(c, "m1")).isEmpty();
    assertThat(new JdbcWebhookLogStore(app).deleteReceivedBefore(c, T0.plusSeconds(1))).isZero();
    assertThat(new JdbcStockAlertStore(app).openAlerts(c)).isEmpty();
    assertThat(new JdbcStockAlertStore(app).close(c, VariantId.of("v1"), StockAlertKind.LOW_STOCK, T0)).isFalse();
    assertThat(new JdbcCiphertextStore(app).names(c)).isEmpty();
    assertThat(new JdbcCiphertextStore(app).delete(c, SecretName.CJ_API_KEY)).isFalse();
    for (String table : TABLES) {
      assertThat(adminTenants(table)).as(table).containsExactlyInAnyOrder("tenant-a", "tenant-b");
    }
  }

  private static void scope(Connection c, String tenant, String scope) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT set_config('dropsync.tenant_id', ?, true), set_config('dropsync.scope', ?, true)")) {
      ps.setString(1, tenant);
      ps.setString(2, scope);
      ps.execute();
    }
  }

  private static List<String> tenants(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static List<String> adminTenants(String table) {
    try (Connection c = TestDatabase.get().admin().getConnection(); Statement s = c.createStatement()) {
      return tenants(s, "SELECT DISTINCT tenant_id FROM " + table);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long adminCount(String table, String tenant) throws SQLException {
    try (Connection c = TestDatabase.get().admin().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

package dev.dropsync.storage.jdbc;

import static dev.dropsync.storage.jdbc.RawSql.adminCount;
import static dev.dropsync.storage.jdbc.RawSql.adminTenants;
import static dev.dropsync.storage.jdbc.RawSql.assertRowLevelSecurityForced;
import static dev.dropsync.storage.jdbc.RawSql.scope;
import static dev.dropsync.storage.jdbc.RawSql.tenants;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
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
    assertRowLevelSecurityForced(TABLES);
  }

  @Test
  void theStoresScopedToAReadNothingOfBsUnderTheSameIds() throws SQLException {
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
}

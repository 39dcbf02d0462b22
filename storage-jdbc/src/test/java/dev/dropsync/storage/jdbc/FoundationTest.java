package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.storage.jdbc.internal.Tx;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class FoundationTest {
  private final TestDatabase db = TestDatabase.get();

  @Test
  void appRoleIsNotSuperuserAndCannotBypassRowLevelSecurity() {
    Boolean bypass = new Tx(db.app()).inTenant("t1", "role check", c -> {
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
        rs.next();
        return rs.getBoolean(1);
      }
    });
    assertThat(bypass).isFalse();
  }

  @Test
  void transactionCarriesItsTenantAndScopeOnlyForItsOwnDuration() {
    Tx tx = new Tx(db.app());
    String tenant = tx.inTenant("tenant-a", "read tenant", c -> single(c, "SELECT dropsync_tenant()"));
    String system = tx.inSystem("read scope", c -> single(c, "SELECT dropsync_is_system()::text"));
    // SET LOCAL semantics: the next transaction on the (pooled) connection does not inherit either.
    String afterwards = tx.inTenant("tenant-b", "read scope", c -> single(c, "SELECT dropsync_is_system()::text"));
    assertThat(tenant).isEqualTo("tenant-a");
    assertThat(system).isEqualTo("true");
    assertThat(afterwards).isEqualTo("false");
  }

  @Test
  void failedWorkRollsBackAndNamesWhatFailed() {
    Tx tx = new Tx(db.admin());
    tx.inSystem("create scratch", c -> c.createStatement().execute("CREATE TABLE IF NOT EXISTS scratch_rollback(x int)"));
    assertThatThrownBy(() -> tx.inSystem("insert then fail", c -> {
      c.createStatement().execute("INSERT INTO scratch_rollback VALUES (1)");
      return c.createStatement().execute("SELECT 1/0");
    })).isInstanceOf(JdbcStoreException.class).hasMessageContaining("insert then fail").hasMessageContaining("22012");
    String count = tx.inSystem("count", c -> single(c, "SELECT count(*)::text FROM scratch_rollback"));
    assertThat(count).isEqualTo("0");
    tx.inSystem("drop scratch", c -> c.createStatement().execute("DROP TABLE scratch_rollback"));
  }

  @Test
  void schemaScriptsAreExportableInOrder() {
    assertThat(DropsyncSchema.migrationScripts().keySet()).startsWith("V1__foundation.sql");
    assertThat(DropsyncSchema.migrationScripts().get("V1__foundation.sql")).contains("dropsync_tenant()");
  }

  private static String single(java.sql.Connection c, String sql) throws java.sql.SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}

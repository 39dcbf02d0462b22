package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.EncryptedSecretStore;
import dev.dropsync.automation.Secret;
import dev.dropsync.automation.SecretKeyRing;
import dev.dropsync.automation.SecretName;
import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.automation.WebhookLog;
import dev.dropsync.automation.WebhookOutcome;
import dev.dropsync.automation.spi.SealedSecret;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Automation store calls whose connection is killed (pg_terminate_backend from the admin pool) in
 * the middle of their transaction, while they wait on a lock the test holds: nothing of the call
 * remains, the rows are exactly as before, and the same call afterwards applies whole.
 */
class AutomationConnectionKillTest {
  private static final TenantId A = TenantId.of("tenant-a");
  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final String LOG_ROWS = "SELECT tenant_id, log_id, duplicates, outcome FROM webhook_logs "
      + "ORDER BY tenant_id, log_id";

  private static WebhookLog queued(String id, Instant at) {
    return WebhookLog.verified(A, id, "STOCK", "UPDATE", at, WebhookOutcome.QUEUED, null, "{\"messageId\":\"" + id + "\"}");
  }

  @Test
  void retentionKilledAfterDeletingSomeRowsDeletesNone() throws Exception {
    DataSource app = TestDatabase.get().fresh();
    JdbcWebhookLogStore store = new JdbcWebhookLogStore(app);
    for (int i = 0; i < 5; i++) {
      store.insertIfAbsent(queued("old-" + i, T0.minusSeconds(3600 - i)));
    }
    store.insertIfAbsent(queued("new", T0));
    String before = TestDatabase.get().dump(LOG_ROWS);

    // The newest old row is locked: the DELETE removes the four before it, then waits for it.
    BackendKiller.killWhileWaiting(
        "SELECT 1 FROM webhook_logs WHERE tenant_id = 'tenant-a' AND log_id = 'old-4' FOR UPDATE",
        () -> store.deleteReceivedBefore(A, T0),
        pid -> assertThat(rowsDeletedUncommittedBy(pid)).as("rows the victim had deleted when it was killed")
            .isEqualTo(4));

    assertThat(TestDatabase.get().dump(LOG_ROWS)).isEqualTo(before);
    assertThat(store.list(A, Instant.EPOCH, T0.plusSeconds(1), null, 100)).hasSize(6);
    assertThat(store.deleteReceivedBefore(A, T0)).isEqualTo(5);
    assertThat(store.list(A, Instant.EPOCH, T0.plusSeconds(1), null, 100)).extracting(WebhookLog::logId)
        .containsExactly("new");
  }

  @Test
  void duplicateCountKilledWhileWaitingForTheRowLeavesTheCountUnchanged() throws Exception {
    DataSource app = TestDatabase.get().fresh();
    JdbcWebhookLogStore store = new JdbcWebhookLogStore(app);
    store.insertIfAbsent(queued("m1", T0));
    String before = TestDatabase.get().dump(LOG_ROWS);

    // recordDuplicate waits for the row another transaction holds, and dies there
    BackendKiller.killWhileWaiting(
        "SELECT 1 FROM webhook_logs WHERE tenant_id = 'tenant-a' AND log_id = 'm1' FOR UPDATE",
        () -> store.recordDuplicate(A, "m1", T0.plusSeconds(1)));

    assertThat(TestDatabase.get().dump(LOG_ROWS)).isEqualTo(before);
    assertThat(store.find(A, "m1").orElseThrow().duplicates()).isZero();
    assertThat(store.recordDuplicate(A, "m1", T0.plusSeconds(2)).orElseThrow().duplicates()).isEqualTo(1);
  }

  @Test
  void alertOpenKilledWhileAnotherOpenOfTheSameCrossingIsUncommittedLeavesNoAlert() throws Exception {
    DataSource app = TestDatabase.get().fresh();
    JdbcStockAlertStore store = new JdbcStockAlertStore(app);
    StockAlert alert = new StockAlert(A, "a2", ProductId.of("p1"), VariantId.of("v1"), "SKU-1",
        StockAlertKind.OUT_OF_STOCK, 0, 5, T0, null, null);

    // Another session has inserted an open alert of the same (variant, kind), not committed yet: the
    // victim's INSERT ... ON CONFLICT waits on the partial unique index to learn its fate.
    BackendKiller.killWhileWaiting("INSERT INTO stock_alerts (tenant_id, alert_id, product_id, variant_id, sku, kind, "
        + "available, threshold, opened_at, opened_ns) VALUES ('tenant-a', 'a1', 'p1', 'v1', 'SKU-1', "
        + "'OUT_OF_STOCK', 0, 5, now(), 1)", () -> store.open(alert));

    // the other session rolled back: no alert at all, and the crossing is still armed
    assertThat(TestDatabase.get().dump("SELECT * FROM stock_alerts")).isEqualTo("--\n");
    assertThat(store.open(alert)).isTrue();
    assertThat(store.openAlerts(A)).containsExactly(alert);
  }

  @Test
  void keyRotationKilledMidwayLeavesEveryRowWholeAndReadable() throws Exception {
    DataSource app = TestDatabase.get().fresh();
    JdbcCiphertextStore rows = new JdbcCiphertextStore(app);
    byte[] k1 = SecretKeyRing.generateKey();
    byte[] k2 = SecretKeyRing.generateKey();
    EncryptedSecretStore old = EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("k1", k1)).storage(rows).build();
    List<SecretName> names = List.of(SecretName.of("a"), SecretName.of("b"), SecretName.of("c"));
    for (SecretName n : names) {
      old.put(A, n, Secret.of("value-of-" + n));
    }
    EncryptedSecretStore rotated = EncryptedSecretStore.builder()
        .keyRing(SecretKeyRing.builder().key("k2", k2).key("k1", k1).primary("k2").build()).storage(rows).build();
    SealedSecret bBefore = rows.get(A, SecretName.of("b")).orElseThrow();

    // "a" is re-encrypted, then the compare-and-set of "b" waits for the row lock and dies
    BackendKiller.killWhileWaiting(
        "SELECT 1 FROM secret_ciphertexts WHERE tenant_id = 'tenant-a' AND name = 'b' FOR UPDATE",
        () -> rotated.rotate(A));

    assertThat(rows.get(A, SecretName.of("a")).orElseThrow().keyId()).isEqualTo("k2");
    assertThat(rows.get(A, SecretName.of("b"))).contains(bBefore);
    assertThat(rows.get(A, SecretName.of("c")).orElseThrow().keyId()).isEqualTo("k1");
    for (SecretName n : names) {
      assertThat(rotated.get(A, n).orElseThrow().reveal()).isEqualTo("value-of-" + n);
    }
    assertThat(rotated.rotate(A)).isEqualTo(2);
    assertThat(names).allSatisfy(n -> assertThat(rows.get(A, n).orElseThrow().keyId()).isEqualTo("k2"));
    for (SecretName n : names) {
      assertThat(rotated.get(A, n).orElseThrow().reveal()).isEqualTo("value-of-" + n);
    }
  }

  /** Rows of webhook_logs that the (still running) transaction of backend {@code pid} has deleted. */
  private static long rowsDeletedUncommittedBy(int pid) throws SQLException {
    try (Connection c = TestDatabase.get().admin().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM webhook_logs WHERE xmax::text = "
            + "(SELECT backend_xid::text FROM pg_stat_activity WHERE pid = ?)")) {
      ps.setInt(1, pid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

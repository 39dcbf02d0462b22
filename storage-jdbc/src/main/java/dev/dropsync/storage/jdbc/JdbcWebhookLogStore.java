package dev.dropsync.storage.jdbc;

import dev.dropsync.automation.WebhookLog;
import dev.dropsync.automation.WebhookOutcome;
import dev.dropsync.automation.spi.WebhookLogCursor;
import dev.dropsync.automation.spi.WebhookLogStore;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.storage.jdbc.internal.Sql;
import dev.dropsync.storage.jdbc.internal.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WebhookLogStore} on PostgreSQL (table {@code webhook_logs}, keyed by {@code (tenant_id,
 * log_id)}; migration {@code V6__automation.sql}). The primary key is the duplicate filter:
 * {@link #insertIfAbsent} is {@code INSERT … ON CONFLICT (tenant_id, log_id) DO NOTHING}, so of any
 * number of concurrent deliveries of one message, from any number of processes, exactly one
 * inserts (the others wait for it to commit, then see its row). {@link #recordDuplicate} is one
 * {@code UPDATE … SET duplicates = duplicates + 1 … RETURNING}; {@link #attachTask} sets the task id
 * only while it is null; {@link #markProcessed} is a conditional update on {@code verified AND NOT
 * processed}, so the first call wins. {@link #list} pages by the index {@code (tenant_id,
 * received_ns, log_id)} with a keyset cursor; {@link #deleteReceivedBefore} is one {@code DELETE}.
 *
 * <p>Every call is one transaction scoped to its tenant by row-level security; serialization
 * failures and deadlocks are retried, other database failures surface as {@link
 * JdbcStoreException}. Instants are kept exactly (nanoseconds), so entries read back {@code equals}
 * to what was written. Thread-safe; holds nothing but the pool.
 *
 * <pre>{@code
 * WebhookLogStore logs = new JdbcWebhookLogStore(appPool);
 * Automation automation = Automation.builder().webhookLogs(logs) ... .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class JdbcWebhookLogStore implements WebhookLogStore {
  private static final String COLUMNS = "tenant_id, log_id, message_id, type, message_type, received_ns, verified, "
      + "processed, outcome, detail, duplicates, last_duplicate_ns, task_id, processed_ns, body";

  private final Tx tx;

  /**
   * A store over {@code dataSource} (an application-role pool on a schema migrated with {@link
   * DropsyncSchema#migrate} and granted with {@link DropsyncSchema#grantTo}).
   *
   * @param dataSource the pool
   * @throws NullPointerException if {@code dataSource} is null
   * @since 0.1.0
   */
  public JdbcWebhookLogStore(DataSource dataSource) {
    this.tx = new Tx(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean insertIfAbsent(WebhookLog entry) {
    Objects.requireNonNull(entry, "entry");
    return tx.inTenant(entry.tenant().value(), "insert webhook log " + entry.logId(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_logs (tenant_id, log_id, message_id, type, "
          + "message_type, received_at, received_ns, verified, processed, outcome, detail, duplicates, "
          + "last_duplicate_at, last_duplicate_ns, task_id, processed_at, processed_ns, body) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          + "ON CONFLICT (tenant_id, log_id) DO NOTHING")) {
        ps.setString(1, entry.tenant().value());
        ps.setString(2, entry.logId());
        Sql.setNullableString(ps, 3, entry.messageId());
        Sql.setNullableString(ps, 4, entry.type());
        Sql.setNullableString(ps, 5, entry.messageType());
        Sql.setTime(ps, 6, entry.receivedAt());
        ps.setLong(7, Sql.nanos(entry.receivedAt()));
        ps.setBoolean(8, entry.verified());
        ps.setBoolean(9, entry.processed());
        ps.setString(10, entry.outcome().name());
        Sql.setNullableString(ps, 11, entry.detail());
        ps.setInt(12, entry.duplicates());
        setInstant(ps, 13, entry.lastDuplicateAt());
        Sql.setNullableString(ps, 15, entry.taskId());
        setInstant(ps, 16, entry.processedAt());
        Sql.setNullableString(ps, 18, entry.body());
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<WebhookLog> recordDuplicate(TenantId tenant, String logId, Instant at) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(at, "at");
    return tx.inTenant(tenant.value(), "record duplicate of webhook " + logId, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_logs SET duplicates = duplicates + 1, "
          + "last_duplicate_at = ?, last_duplicate_ns = ? WHERE tenant_id = ? AND log_id = ? RETURNING " + COLUMNS)) {
        Sql.setTime(ps, 1, at);
        ps.setLong(2, Sql.nanos(at));
        ps.setString(3, tenant.value());
        ps.setString(4, logId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(entry(rs)) : Optional.<WebhookLog>empty();
        }
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>One conditional {@code UPDATE … WHERE task_id IS NULL}; when it changes nothing, a read of
   * the current task id in the same transaction (a fresh snapshot, so a concurrent attach that
   * committed meanwhile is seen).
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean attachTask(TenantId tenant, String logId, String taskId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(taskId, "taskId");
    return tx.inTenant(tenant.value(), "attach task to webhook " + logId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE webhook_logs SET task_id = ? WHERE tenant_id = ? AND log_id = ? AND task_id IS NULL")) {
        ps.setString(1, taskId);
        ps.setString(2, tenant.value());
        ps.setString(3, logId);
        if (ps.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT task_id FROM webhook_logs WHERE tenant_id = ? AND log_id = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, logId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && taskId.equals(rs.getString(1));
        }
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean markProcessed(TenantId tenant, String logId, WebhookOutcome outcome, @Nullable String detail,
      Instant at) {
    if (outcome == null || !outcome.isProcessed()) {
      throw new InvalidInputException("outcome", outcome, "must be APPLIED, IGNORED or FAILED");
    }
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(at, "at");
    return tx.inTenant(tenant.value(), "mark webhook " + logId + " " + outcome, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_logs SET processed = true, outcome = ?, "
          + "detail = ?, processed_at = ?, processed_ns = ? "
          + "WHERE tenant_id = ? AND log_id = ? AND verified AND NOT processed")) {
        ps.setString(1, outcome.name());
        Sql.setNullableString(ps, 2, detail);
        Sql.setTime(ps, 3, at);
        ps.setLong(4, Sql.nanos(at));
        ps.setString(5, tenant.value());
        ps.setString(6, logId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<WebhookLog> find(TenantId tenant, String logId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(logId, "logId");
    return tx.inTenant(tenant.value(), "find webhook " + logId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM webhook_logs WHERE tenant_id = ? AND log_id = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, logId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(entry(rs)) : Optional.<WebhookLog>empty();
        }
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Keyset paging on the index {@code (tenant_id, received_ns, log_id)}: {@code (received_ns,
   * log_id) > (cursor)}, so a page costs the same however deep it is. Log ids compare by code point
   * ({@code COLLATE "C"}), which is {@link String#compareTo} order for every id without characters
   * outside the Basic Multilingual Plane.
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<WebhookLog> list(TenantId tenant, Instant from, Instant to, @Nullable WebhookLogCursor after,
      int limit) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be >= 1");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", to, "must not be before from (" + from + ")");
    }
    return tx.inTenant(tenant.value(), "list webhook logs", c -> {
      String sql = "SELECT " + COLUMNS + " FROM webhook_logs WHERE tenant_id = ? AND received_ns >= ? AND received_ns < ?"
          + (after == null ? "" : " AND (received_ns, log_id) > (?, ?)") + " ORDER BY received_ns, log_id LIMIT ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        ps.setString(i++, tenant.value());
        ps.setLong(i++, Sql.nanos(from));
        ps.setLong(i++, Sql.nanos(to));
        if (after != null) {
          ps.setLong(i++, Sql.nanos(after.receivedAt()));
          ps.setString(i++, after.logId());
        }
        ps.setInt(i, limit);
        List<WebhookLog> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(entry(rs));
          }
        }
        return List.copyOf(out);
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>One {@code DELETE}: all of the tenant's entries before the cutoff go, or (on failure) none.
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public int deleteReceivedBefore(TenantId tenant, Instant cutoff) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(cutoff, "cutoff");
    return tx.inTenant(tenant.value(), "delete webhook logs before " + cutoff, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM webhook_logs WHERE tenant_id = ? AND received_ns < ?")) {
        ps.setString(1, tenant.value());
        ps.setLong(2, Sql.nanos(cutoff));
        return ps.executeUpdate();
      }
    });
  }

  /**
   * Binds an optional instant as a timestamptz at {@code index} and its nanoseconds at {@code index
   * + 1}.
   */
  private static void setInstant(PreparedStatement ps, int index, @Nullable Instant at) throws SQLException {
    if (at == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setNull(index + 1, Types.BIGINT);
    } else {
      Sql.setTime(ps, index, at);
      ps.setLong(index + 1, Sql.nanos(at));
    }
  }

  private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
    long ns = rs.getLong(column);
    return rs.wasNull() ? null : Sql.instant(ns);
  }

  private static WebhookLog entry(ResultSet rs) throws SQLException {
    return new WebhookLog(TenantId.of(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), Sql.instant(rs.getLong(6)), rs.getBoolean(7), rs.getBoolean(8),
        WebhookOutcome.valueOf(rs.getString(9)), rs.getString(10), rs.getInt(11), instant(rs, 12), rs.getString(13),
        instant(rs, 14), rs.getString(15));
  }
}

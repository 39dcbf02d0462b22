package dev.dropsync.storage.jdbc.internal;

import dev.dropsync.storage.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs units of work in one transaction each, scoped to a tenant (or to system scope), retrying
 * serialization failures and deadlocks. Everything a unit does commits together or not at all.
 */
public final class Tx {
  /** Work inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Binds the parameters of a statement (numbered from 1, as written in the statement). */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Reads the rows of a query. */
  @FunctionalInterface
  public interface Rows<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Sets the system scope for the rest of the implicit transaction. Sent in front of one statement
   * in the same round trip (see {@link #queryInSystem}); constants only, so the statement's own
   * parameters keep their numbers.
   */
  private static final String SYSTEM_SCOPE =
      "SELECT set_config('dropsync.tenant_id', '', true), set_config('dropsync.scope', 'system', true)";

  private static final int MAX_ATTEMPTS = 5;

  private final DataSource dataSource;

  public Tx(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code work} in a transaction whose tenant is {@code tenantId}. */
  public <T> T inTenant(String tenantId, String what, Work<T> work) {
    return run(tenantId, false, what, work);
  }

  /** Runs {@code work} in a transaction with system scope (cross-tenant; only where policies allow). */
  public <T> T inSystem(String what, Work<T> work) {
    return run(null, true, what, work);
  }

  /**
   * Runs one data-changing statement ({@code INSERT}/{@code UPDATE}/{@code DELETE} without
   * {@code RETURNING}) in system scope, as a transaction of its own in one network round trip:
   * the scope and the statement are sent together without an explicit transaction, so PostgreSQL
   * runs them as one implicit transaction (committed when both succeeded, rolled back otherwise).
   *
   * @return the update count
   */
  public int updateInSystem(String what, String sql, Binder binder) {
    return oneStatement(what, "", sql, binder, null);
  }

  /**
   * Like {@link #updateInSystem} for a statement that returns rows ({@code SELECT}, or a
   * data-changing statement with {@code RETURNING}).
   */
  public <T> T queryInSystem(String what, String sql, Binder binder, Rows<T> rows) {
    return oneStatement(what, "", sql, binder, rows);
  }

  /**
   * Like {@link #queryInSystem(String, String, Binder, Rows)}, with run-time settings local to this
   * statement's transaction (e.g. planner settings), sent in the same round trip.
   *
   * @param settings setting name to value; names and values are code constants, never input
   */
  public <T> T queryInSystem(String what, Map<String, String> settings, String sql, Binder binder, Rows<T> rows) {
    StringBuilder extra = new StringBuilder();
    settings.forEach((name, value) -> {
      if (!name.matches("[a-z_.]+") || !value.matches("[A-Za-z0-9_.]+")) {
        throw new IllegalArgumentException("setting " + name + " = " + value + " is not a plain name and value");
      }
      extra.append(", set_config('").append(name).append("', '").append(value).append("', true)");
    });
    return oneStatement(what, extra.toString(), sql, binder, rows);
  }

  @SuppressWarnings("unchecked")
  private <T> T oneStatement(String what, String settings, String sql, Binder binder, @Nullable Rows<T> rows) {
    SQLException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        if (!autoCommit) {
          c.setAutoCommit(true);
        }
        try (PreparedStatement ps = c.prepareStatement(SYSTEM_SCOPE + settings + "; " + sql)) {
          binder.bind(ps);
          ps.execute();
          boolean isRows = ps.getMoreResults();
          if (rows == null) {
            return (T) Integer.valueOf(isRows ? 0 : ps.getUpdateCount());
          }
          if (!isRows) {
            throw new SQLException("statement returned no rows: " + sql, "42000");
          }
          try (ResultSet rs = ps.getResultSet()) {
            return rows.read(rs);
          }
        } finally {
          if (!autoCommit) {
            restoreAutoCommit(c, false);
          }
        }
      } catch (SQLException e) {
        last = e;
        if (!isRetryable(e) || attempt == MAX_ATTEMPTS) {
          break;
        }
        Thread.onSpinWait();
      }
    }
    SQLException failure = Objects.requireNonNull(last);
    throw new JdbcStoreException(what, failure.getSQLState(), failure);
  }

  private <T> T run(@Nullable String tenantId, boolean system, String what, Work<T> work) {
    SQLException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          scope(c, tenantId, system);
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException | Error e) {
          rollbackQuietly(c, e);
          throw e;
        } finally {
          restoreAutoCommit(c, autoCommit);
        }
      } catch (SQLException e) {
        last = e;
        if (!isRetryable(e) || attempt == MAX_ATTEMPTS) {
          break;
        }
        Thread.onSpinWait();
      }
    }
    SQLException failure = Objects.requireNonNull(last);
    throw new JdbcStoreException(what, failure.getSQLState(), failure);
  }

  private static void scope(Connection c, @Nullable String tenantId, boolean system) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT set_config('dropsync.tenant_id', ?, true), set_config('dropsync.scope', ?, true)")) {
      ps.setString(1, tenantId == null ? "" : tenantId);
      ps.setString(2, system ? "system" : "");
      ps.execute();
    }
  }

  /** True for serialization failures (40001) and deadlocks (40P01), which are safe to retry. */
  public static boolean isRetryable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void restoreAutoCommit(Connection c, boolean autoCommit) {
    try {
      c.setAutoCommit(autoCommit);
    } catch (SQLException ignored) {
      // The connection is broken; the pool will discard it.
    }
  }
}

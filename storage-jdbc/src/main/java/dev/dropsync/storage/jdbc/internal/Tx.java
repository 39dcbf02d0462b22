package dev.dropsync.storage.jdbc.internal;

import dev.dropsync.storage.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

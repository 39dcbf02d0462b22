package dev.dropsync.storage.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * A database operation failed and was rolled back as a whole. Carries the SQL state so callers can
 * tell a lost connection ({@code 08xxx}) from a constraint violation ({@code 23xxx}). Serialization
 * failures ({@code 40001}) and deadlocks ({@code 40P01}) are retried before this is thrown.
 *
 * @since 0.1.0
 */
public class JdbcStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String sqlState;

  /**
   * @param message what was being done, e.g. {@code "saving product p-1 for tenant t-1"}
   * @param sqlState the SQL state of the cause, if any
   * @param cause the underlying failure
   */
  public JdbcStoreException(String message, @Nullable String sqlState, Throwable cause) {
    super(message + (sqlState == null ? "" : " (SQL state " + sqlState + ")") + ": " + cause.getMessage(), cause);
    this.sqlState = sqlState;
  }

  /** The SQL state of the failure, or null if it was not an {@link java.sql.SQLException}. */
  public @Nullable String sqlState() {
    return sqlState;
  }
}

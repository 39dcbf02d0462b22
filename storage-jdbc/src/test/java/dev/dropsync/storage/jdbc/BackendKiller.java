package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Kills a store call's database connection in the middle of its transaction: an admin
 * transaction takes a lock ({@code lockSql}, e.g. a row {@code FOR UPDATE} or a {@code LOCK
 * TABLE}), the store call runs on another thread until its backend waits for that lock (after
 * whatever it already wrote), and the backend is terminated with {@code pg_terminate_backend}. The
 * call must fail with {@link JdbcStoreException}; the lock is released afterwards.
 */
final class BackendKiller {
  private BackendKiller() {}

  /** What to check while the victim waits, before its backend is killed. */
  @FunctionalInterface
  interface WhileWaiting {
    void check(int pid) throws Exception;
  }

  static void killWhileWaiting(String lockSql, Callable<?> victim) throws Exception {
    killWhileWaiting(lockSql, victim, pid -> { });
  }

  /**
   * As {@link #killWhileWaiting(String, Callable)}, running {@code whileWaiting} with the victim's
   * backend pid once it waits for the lock (e.g. to see the rows it already wrote, uncommitted).
   */
  static void killWhileWaiting(String lockSql, Callable<?> victim, WhileWaiting whileWaiting) throws Exception {
    DataSource admin = TestDatabase.get().admin();
    try (Connection lock = admin.getConnection()) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute(lockSql);
      }
      CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
        try {
          return victim.call();
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      });
      int pid = waitingBackend(admin, run);
      whileWaiting.check(pid);
      try (Connection killer = admin.getConnection();
          PreparedStatement ps = killer.prepareStatement("SELECT pg_terminate_backend(?)")) {
        ps.setInt(1, pid);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getBoolean(1)).isTrue();
        }
      }
      try {
        run.get(30, TimeUnit.SECONDS);
        throw new AssertionError("the victim survived its connection being killed");
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(JdbcStoreException.class);
      } finally {
        lock.rollback();
      }
    }
  }

  /** The pid of the application role's backend that waits for a lock (polls pg_stat_activity; bounded). */
  private static int waitingBackend(DataSource admin, CompletableFuture<?> victim) throws SQLException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection c = admin.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_stat_activity "
            + "WHERE usename = ? AND wait_event_type = 'Lock' LIMIT 1")) {
      ps.setString(1, TestDatabase.APP_ROLE);
      while (System.nanoTime() < deadline) {
        if (victim.isDone()) {
          throw new AssertionError("the victim finished without waiting for the lock: " + victim);
        }
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return rs.getInt(1);
          }
        }
        Thread.onSpinWait();
      }
    }
    throw new TimeoutException("no backend of " + TestDatabase.APP_ROLE + " waited for a lock");
  }
}

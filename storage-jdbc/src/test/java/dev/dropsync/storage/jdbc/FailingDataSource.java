package dev.dropsync.storage.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A DataSource that "dies" at its k-th database round trip (statement execution or commit): from
 * then on every statement and commit fails like a lost connection (SQL state 08006). With {@code
 * afterApplying}, the k-th round trip is carried out first and only its answer is lost (e.g. a
 * commit that reached the server). Rollbacks pass through, as the server rolls back a dead session.
 */
final class FailingDataSource implements DataSource {
  private static final Set<String> ROUND_TRIPS =
      Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate", "commit");

  private final DataSource delegate;
  private final int dieAt;
  private final boolean afterApplying;
  private final AtomicInteger roundTrips = new AtomicInteger();

  /** {@code dieAt <= 0}: never dies (counts round trips only). */
  FailingDataSource(DataSource delegate, int dieAt, boolean afterApplying) {
    this.delegate = delegate;
    this.dieAt = dieAt;
    this.afterApplying = afterApplying;
  }

  int roundTrips() {
    return roundTrips.get();
  }

  boolean dead() {
    return dieAt > 0 && roundTrips.get() >= dieAt;
  }

  private @Nullable Object roundTrip(Object target, Method m, @Nullable Object[] args) throws Throwable {
    int n = roundTrips.incrementAndGet();
    if (dieAt > 0 && n > dieAt) {
      throw crash(n);
    }
    if (dieAt > 0 && n == dieAt && !afterApplying) {
      throw crash(n);
    }
    Object result = invoke(target, m, args);
    if (dieAt > 0 && n == dieAt) {
      throw crash(n);
    }
    return result;
  }

  private static SQLException crash(int n) {
    return new SQLException("simulated process death at round trip " + n, "08006");
  }

  private static @Nullable Object invoke(Object target, Method m, @Nullable Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (dead()) {
      throw crash(roundTrips.get());
    }
    Connection real = delegate.getConnection();
    InvocationHandler h = (proxy, m, args) -> {
      if (ROUND_TRIPS.contains(m.getName())) {
        return roundTrip(real, m, args);
      }
      Object result = invoke(real, m, args);
      if (result instanceof PreparedStatement ps) {
        return wrapStatement(ps, PreparedStatement.class);
      }
      if (result instanceof Statement st) {
        return wrapStatement(st, Statement.class);
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
  }

  private Object wrapStatement(Statement real, Class<? extends Statement> type) {
    InvocationHandler h = (proxy, m, args) -> ROUND_TRIPS.contains(m.getName())
        ? roundTrip(real, m, args) : invoke(real, m, args);
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, h);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public @Nullable PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}

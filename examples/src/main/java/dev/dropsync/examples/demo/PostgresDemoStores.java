package dev.dropsync.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dropsync.storage.jdbc.DropsyncSchema;
import dev.dropsync.storage.jdbc.JdbcAnalyticsSnapshotStore;
import dev.dropsync.storage.jdbc.JdbcCiphertextStore;
import dev.dropsync.storage.jdbc.JdbcInventoryStore;
import dev.dropsync.storage.jdbc.JdbcMetricsStore;
import dev.dropsync.storage.jdbc.JdbcOrderStore;
import dev.dropsync.storage.jdbc.JdbcSalesLedger;
import dev.dropsync.storage.jdbc.JdbcStockAlertStore;
import dev.dropsync.storage.jdbc.JdbcStockHistory;
import dev.dropsync.storage.jdbc.JdbcTaskStore;
import dev.dropsync.storage.jdbc.JdbcWebhookLogStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The demo's {@code --store postgres}: every store from storage-jdbc over one HikariCP pool, on a
 * schema this factory migrates first ({@link DropsyncSchema#migrate}), the way a host wires
 * dropsync on PostgreSQL.
 *
 * <ol>
 *   <li>Connects once with {@code --jdbc-url} (and {@code --jdbc-user} / {@code PGUSER}, {@code
 *       --jdbc-password} / {@code PGPASSWORD}); a URL that is not PostgreSQL's or a server that
 *       cannot be reached is a {@link DemoFailure} (exit status 1) naming the URL, without any
 *       password.
 *   <li>Migrates the schema as that user (Flyway, history table {@value
 *       DropsyncSchema#HISTORY_TABLE}; idempotent).
 *   <li>Row-level security: PostgreSQL skips it for superusers and {@code BYPASSRLS} roles. When
 *       the user is a superuser, the factory creates the plain role {@value #APP_ROLE} ({@code
 *       NOLOGIN NOSUPERUSER NOBYPASSRLS}) if it does not exist, grants it the tables ({@link
 *       DropsyncSchema#grantTo}) and runs every store as that role ({@code SET ROLE} on each pooled
 *       connection), so tenant isolation is enforced for the whole run. A plain (non-superuser)
 *       owner is bound by the tables' forced policies itself and runs the stores directly.
 *   <li>Opens a pool of {@value #POOL_SIZE} connections (10 s connect timeout) and every store on it.
 * </ol>
 *
 * <p>The database outlives the run and may hold earlier runs' data, so the stores are {@link
 * DemoStores#shared() shared}: the demo gives each run's tenants ids of their own and pauses their
 * schedules when it ends.
 *
 * @since 0.1.0
 */
public final class PostgresDemoStores {
  /** The plain role the stores run as when the demo connects as a superuser. */
  public static final String APP_ROLE = "dropsync_app";

  /** Connections in the demo's pool: its 8 sync workers, the scheduler and the main thread. */
  public static final int POOL_SIZE = 10;

  private static final int CONNECT_TIMEOUT_SECONDS = 10;
  private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/:@?]*):[^/@?]*@");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("([?&;][A-Za-z]*password=)[^&;]*", Pattern.CASE_INSENSITIVE);

  private PostgresDemoStores() {}

  /**
   * Connects, migrates and opens the stores.
   *
   * @param options the demo's options ({@code --jdbc-url} required)
   * @return the stores; closing them closes the pool
   * @throws UsageException if {@code --jdbc-url} is missing
   * @throws DemoFailure if the URL is not a PostgreSQL JDBC URL, the server cannot be reached or
   *     refuses the user, or the migration fails
   * @since 0.1.0
   */
  public static DemoStores open(DemoOptions options) {
    String url = options.jdbcUrl();
    if (url == null) {
      throw new UsageException("--store postgres needs --jdbc-url (e.g. --jdbc-url "
          + "jdbc:postgresql://localhost:5432/dropsync)");
    }
    String shown = redact(url);
    List<String> secrets = secretsOf(url, options.jdbcPassword());
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new DemoFailure("cannot connect to PostgreSQL at " + shown
          + ": not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
    }
    String user;
    Role role;
    try (Connection c = DriverManager.getConnection(url, properties(options))) {
      user = currentUser(c);
      role = role(c, user);
    } catch (SQLException | RuntimeException e) {
      throw failure("cannot connect to PostgreSQL at " + shown, e, url, shown, secrets);
    }

    String runAs = null;
    int applied;
    String isolation;
    try (HikariDataSource owner = pool(url, options, "dropsync-demo-setup", 2, null)) {
      applied = DropsyncSchema.migrate(owner);
      if (role.superuser()) {
        createAppRole(owner);
        Role app = role(owner, APP_ROLE);
        if (app.superuser() || app.bypassRls()) {
          isolation = "role " + APP_ROLE + " exists but bypasses row-level security; the stores run as " + user
              + ", a superuser: tenant isolation is NOT enforced";
        } else {
          DropsyncSchema.grantTo(owner, APP_ROLE);
          runAs = APP_ROLE;
          isolation = "stores run as role " + APP_ROLE + " (row-level security on)";
        }
      } else if (role.bypassRls()) {
        isolation = "user " + user + " has BYPASSRLS: tenant isolation is NOT enforced for it";
      } else {
        isolation = "row-level security on";
      }
    } catch (SQLException | RuntimeException e) {
      throw failure("setting up the dropsync schema at " + shown + " failed", e, url, shown, secrets);
    }

    HikariDataSource app;
    try {
      app = pool(url, options, "dropsync-demo", POOL_SIZE, runAs == null ? null : "SET ROLE " + runAs);
    } catch (RuntimeException e) {
      throw failure("cannot connect to PostgreSQL at " + shown, e, url, shown, secrets);
    }
    String description = "postgres " + shown + " as " + user + "; " + isolation + "; schema "
        + (applied == 0 ? "up to date" : applied + " migration(s) applied");
    return new DemoStores("postgres", description, true, new JdbcInventoryStore(app), new JdbcOrderStore(app),
        new JdbcMetricsStore(app), new JdbcTaskStore(app), new JdbcWebhookLogStore(app), new JdbcStockAlertStore(app),
        new JdbcCiphertextStore(app), new JdbcSalesLedger(app), new JdbcStockHistory(app),
        new JdbcAnalyticsSnapshotStore(app), app);
  }

  /**
   * {@code url} with every password in it replaced by {@code ***}: a {@code password} (or {@code
   * sslpassword}, ...) parameter and the password of a {@code user:password@} part.
   *
   * @param url a JDBC URL
   * @return the URL safe to print
   * @since 0.1.0
   */
  public static String redact(String url) {
    String s = USERINFO_PASSWORD.matcher(url).replaceAll("$1:***@");
    return PASSWORD_PARAMETER.matcher(s).replaceAll("$1***");
  }

  private record Role(boolean superuser, boolean bypassRls) {}

  private static Role role(javax.sql.DataSource ds, String name) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return role(c, name);
    }
  }

  private static Role role(Connection c, String name) throws SQLException {
    try (var ps = c.prepareStatement("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("role " + name + " does not exist", "42704");
        }
        return new Role(rs.getBoolean(1), rs.getBoolean(2));
      }
    }
  }

  private static String currentUser(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void createAppRole(javax.sql.DataSource owner) throws SQLException {
    try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
      s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN "
          + "CREATE ROLE " + APP_ROLE + " NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF; END $$");
    } catch (SQLException e) {
      // another run created it at the same moment (unique violation or duplicate object): fine
      if (!"23505".equals(e.getSQLState()) && !"42710".equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  private static Properties properties(DemoOptions options) {
    Properties p = new Properties();
    String user = options.jdbcUser();
    String password = options.jdbcPassword();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    p.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    p.setProperty("ApplicationName", "dropsync-demo");
    return p;
  }

  private static HikariDataSource pool(String url, DemoOptions options, String name, int size,
      @Nullable String initSql) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(url);
    cfg.setDataSourceProperties(properties(options));
    String user = options.jdbcUser();
    String password = options.jdbcPassword();
    if (user != null) {
      cfg.setUsername(user);
    }
    if (password != null) {
      cfg.setPassword(password);
    }
    cfg.setPoolName(name);
    cfg.setMaximumPoolSize(size);
    cfg.setMinimumIdle(1);
    cfg.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
    if (initSql != null) {
      cfg.setConnectionInitSql(initSql);
    }
    return new HikariDataSource(cfg);
  }

  /** The passwords that must never be printed: the option's and any in the URL. */
  private static List<String> secretsOf(String url, @Nullable String password) {
    List<String> out = new ArrayList<>();
    if (password != null && !password.isEmpty()) {
      out.add(password);
    }
    for (Pattern p : List.of(USERINFO_PASSWORD, PASSWORD_PARAMETER)) {
      Matcher m = p.matcher(url);
      while (m.find()) {
        String whole = m.group();
        String value = p == USERINFO_PASSWORD ? whole.substring(whole.lastIndexOf(':') + 1, whole.length() - 1)
            : whole.substring(whole.indexOf('=') + 1);
        if (!value.isEmpty()) {
          out.add(value);
        }
      }
    }
    return out;
  }

  /**
   * A one-line failure naming {@code what} and the root cause, with the raw URL and every secret
   * taken out of it; the cause is kept (for {@code --verbose}) only if no message in its chain
   * holds a secret.
   */
  private static DemoFailure failure(String what, Throwable e, String url, String shown, List<String> secrets) {
    Throwable root = e;
    Throwable sql = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      root = t;
      if (sql == null && t instanceof SQLException) {
        sql = t;
      }
    }
    // the driver's own message (e.g. "Connection to host:port refused. Check that ..."), then the
    // root cause when it is another one (e.g. UnknownHostException: the host)
    Throwable first = sql != null ? sql : root;
    String reason = Objects.toString(first.getMessage(), first.getClass().getSimpleName());
    if (root != first) {
      reason += " (" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }
    reason = clean(reason, url, shown, secrets);
    boolean leaks = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && ((m.contains(url) && !url.equals(shown)) || secrets.stream().anyMatch(m::contains))) {
        leaks = true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String message = what + ": " + reason;
    return leaks ? new DemoFailure(message) : new DemoFailure(message, e);
  }

  private static String clean(String text, String url, String shown, List<String> secrets) {
    String s = text.replace(url, shown);
    for (String secret : secrets) {
      s = s.replace(secret, "***");
    }
    s = s.replaceAll("\\s+", " ").strip();
    return s.isEmpty() ? "unknown error" : s;
  }
}

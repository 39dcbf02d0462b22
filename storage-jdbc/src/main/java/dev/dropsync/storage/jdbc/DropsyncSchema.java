package dev.dropsync.storage.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;

/**
 * The dropsync schema: Flyway migrations shipped in this jar under {@value #LOCATION}.
 *
 * <p>Run them with {@link #migrate(DataSource)} (as a role allowed to create tables, typically the
 * schema owner), then grant the application role access with {@link #grantTo}. Or export the SQL
 * with {@link #migrationScripts()} and apply it with your own tooling.
 *
 * @since 0.1.0
 */
public final class DropsyncSchema {
  /** Classpath location of the migrations, as Flyway expects it. */
  public static final String LOCATION = "classpath:dev/dropsync/storage/jdbc/migration";

  /** The Flyway history table this schema uses, so it does not clash with a host's own Flyway. */
  public static final String HISTORY_TABLE = "dropsync_schema_history";

  private static final String RESOURCE_DIR = "dev/dropsync/storage/jdbc/migration/";

  /** Migration file names in order. Every new migration is appended here and to the directory. */
  static final List<String> SCRIPTS = List.of(
      "V1__foundation.sql",
      "V2__inventory.sql",
      "V3__fulfillment.sql",
      "V4__scheduler.sql",
      "V5__analytics.sql",
      "V6__automation.sql");

  private DropsyncSchema() {}

  /**
   * Applies every pending migration to {@code dataSource}'s default schema. Idempotent.
   *
   * @return the number of migrations applied by this call
   */
  public static int migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    MigrateResult result = Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    return result.migrationsExecuted;
  }

  /**
   * Grants {@code role} the table and sequence privileges the stores need. Run as the schema owner
   * after {@link #migrate}. The role should not be a superuser nor have {@code BYPASSRLS}, or
   * row-level tenant isolation does not apply to it.
   *
   * @throws IllegalArgumentException if {@code role} is not a plain SQL identifier
   */
  public static void grantTo(DataSource dataSource, String role) {
    if (!role.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("role must be a plain SQL identifier but was \"" + role + "\"");
    }
    try (var c = dataSource.getConnection(); var s = c.createStatement()) {
      s.execute("GRANT USAGE ON SCHEMA " + currentSchema(c) + " TO " + role);
      s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + currentSchema(c) + " TO " + role);
      s.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + currentSchema(c) + " TO " + role);
      s.execute("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA " + currentSchema(c) + " TO " + role);
    } catch (java.sql.SQLException e) {
      throw new JdbcStoreException("granting dropsync tables to role " + role, e.getSQLState(), e);
    }
  }

  /**
   * The tables whose row-level-security policies admit the cross-tenant {@code system} scope (the
   * scheduler's tables, migration {@code V4__scheduler.sql}).
   */
  public static final List<String> SYSTEM_SCOPE_TABLES =
      List.of("automation_tasks", "automation_task_owners", "automation_schedules");

  /**
   * Narrows the cross-tenant {@code system} scope of the scheduler tables ({@link
   * #SYSTEM_SCOPE_TABLES}) to {@code role}: afterwards only that role (and its members) sees and
   * writes every tenant's tasks and schedules, which is what {@link JdbcTaskStore}'s claim loop
   * needs; any other role, the application role included, sees only the rows of the tenant its
   * transaction is scoped to, even if it sets {@code dropsync.scope} to {@code system} itself.
   * Without this call the system scope is a guard rail against accidental cross-tenant SQL, open
   * to every role that asks for it. Run as the schema owner after {@link #migrate}; idempotent.
   * Give {@code role} table privileges with {@link #grantTo} too.
   *
   * @throws IllegalArgumentException if {@code role} is not a plain SQL identifier
   * @throws JdbcStoreException if the database refuses
   * @since 0.1.0
   */
  public static void restrictSystemScope(DataSource dataSource, String role) {
    if (!role.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("role must be a plain SQL identifier but was \"" + role + "\"");
    }
    try (var c = dataSource.getConnection(); var s = c.createStatement()) {
      for (String table : SYSTEM_SCOPE_TABLES) {
        s.execute("ALTER POLICY " + table + "_system ON " + table + " TO " + role);
      }
    } catch (java.sql.SQLException e) {
      throw new JdbcStoreException("restricting the system scope to role " + role, e.getSQLState(), e);
    }
  }

  private static String currentSchema(java.sql.Connection c) throws java.sql.SQLException {
    String schema = c.getSchema();
    return schema == null ? "public" : "\"" + schema.replace("\"", "\"\"") + "\"";
  }

  /** The migration scripts in order, file name to SQL text, for hosts that apply SQL themselves. */
  public static Map<String, String> migrationScripts() {
    Map<String, String> scripts = new LinkedHashMap<>();
    for (String name : SCRIPTS) {
      String sql = read(name);
      if (sql != null) {
        scripts.put(name, sql);
      }
    }
    return scripts;
  }

  private static @Nullable String read(String name) {
    try (InputStream in = DropsyncSchema.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + name, e);
    }
  }

  /** The migration file names in order. */
  public static List<String> scriptNames() {
    return new ArrayList<>(SCRIPTS);
  }
}

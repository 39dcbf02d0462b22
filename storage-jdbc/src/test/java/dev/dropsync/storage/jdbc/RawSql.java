package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw SQL for the tenant-isolation tests: scoping a connection the way the stores do, and reading
 * what is really in a table as the owner (who bypasses nothing but sees every row as admin).
 */
final class RawSql {
  private RawSql() {}

  /** Scopes the connection's transaction to {@code tenant} ({@code SET LOCAL dropsync.tenant_id}). */
  static void scope(Connection c, String tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT set_config('dropsync.tenant_id', ?, true)")) {
      ps.setString(1, tenant);
      ps.execute();
    }
  }

  /** Scopes the transaction to {@code tenant} and sets {@code dropsync.scope} (e.g. {@code "system"}). */
  static void scope(Connection c, String tenant, String scope) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT set_config('dropsync.tenant_id', ?, true), set_config('dropsync.scope', ?, true)")) {
      ps.setString(1, tenant);
      ps.setString(2, scope);
      ps.execute();
    }
  }

  /** The first column of every row {@code sql} returns. */
  static List<String> tenants(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The distinct tenant ids in {@code table}, read as the schema owner. */
  static List<String> adminTenants(String table) throws SQLException {
    try (Connection c = TestDatabase.get().admin().getConnection(); Statement s = c.createStatement()) {
      return tenants(s, "SELECT DISTINCT tenant_id FROM " + table);
    }
  }

  /** The number of {@code tenant}'s rows in {@code table}, read as the schema owner. */
  static long adminCount(String table, String tenant) throws SQLException {
    try (Connection c = TestDatabase.get().admin().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Asserts that every one of {@code tables} exists and has row-level security enabled and forced. */
  static void assertRowLevelSecurityForced(String... tables) throws SQLException {
    try (Connection c = TestDatabase.get().admin().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = ?")) {
      for (String table : tables) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).as(table).isTrue();
          assertThat(rs.getBoolean(1)).as(table + " has forced row-level security").isTrue();
        }
      }
    }
  }
}

package dev.dropsync.storage.jdbc;

import dev.dropsync.fulfillment.FulfillmentKpis;
import dev.dropsync.fulfillment.FulfillmentMetrics;
import dev.dropsync.fulfillment.spi.MetricsStore;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.storage.jdbc.internal.FulfillmentDocs;
import dev.dropsync.storage.jdbc.internal.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link MetricsStore} on PostgreSQL (table {@code fulfillment_metrics}, one row per tenant and
 * day; migration {@code V3__fulfillment.sql}). Saving a day again replaces it ({@code INSERT … ON
 * CONFLICT DO UPDATE}). The full KPI record is kept in a {@code jsonb} column; the headline
 * figures (orders, success and on-time rates, late unshipped) are also columns for SQL reporting.
 * Every call is one transaction scoped to its tenant by row-level security. Thread-safe.
 *
 * @since 0.1.0
 */
public final class JdbcMetricsStore implements MetricsStore {
  private final Tx tx;

  /**
   * A store over {@code dataSource} (application-role pool on a migrated schema).
   *
   * @throws NullPointerException if {@code dataSource} is null
   */
  public JdbcMetricsStore(DataSource dataSource) {
    this.tx = new Tx(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public void save(FulfillmentMetrics metrics) {
    Objects.requireNonNull(metrics, "metrics");
    FulfillmentKpis k = metrics.kpis();
    tx.inTenant(metrics.tenant().value(), "save fulfillment metrics " + metrics.day(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO fulfillment_metrics (tenant_id, day, zone, orders, success_rate, on_time_rate, late_unshipped, "
              + "kpis, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, now()) ON CONFLICT (tenant_id, day) DO UPDATE "
              + "SET zone = excluded.zone, orders = excluded.orders, success_rate = excluded.success_rate, "
              + "on_time_rate = excluded.on_time_rate, late_unshipped = excluded.late_unshipped, "
              + "kpis = excluded.kpis, saved_at = excluded.saved_at")) {
        ps.setString(1, metrics.tenant().value());
        ps.setObject(2, metrics.day());
        ps.setString(3, metrics.zone().getId());
        ps.setInt(4, k.orders());
        if (k.successRate().isPresent()) {
          ps.setDouble(5, k.successRate().getAsDouble());
        } else {
          ps.setNull(5, Types.DOUBLE);
        }
        if (k.onTimeRate().isPresent()) {
          ps.setDouble(6, k.onTimeRate().getAsDouble());
        } else {
          ps.setNull(6, Types.DOUBLE);
        }
        ps.setInt(7, k.lateUnshipped());
        ps.setString(8, FulfillmentDocs.kpisJson(k));
        return ps.executeUpdate();
      }
    });
  }

  private static FulfillmentMetrics metrics(ResultSet rs) throws SQLException {
    return new FulfillmentMetrics(TenantId.of(rs.getString(1)), rs.getObject(2, LocalDate.class),
        ZoneId.of(rs.getString(3)), FulfillmentDocs.kpis(rs.getString(4)));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<FulfillmentMetrics> find(TenantId tenant, LocalDate day) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(day, "day");
    return tx.inTenant(tenant.value(), "find fulfillment metrics " + day, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT tenant_id, day, zone, kpis::text FROM fulfillment_metrics WHERE tenant_id = ? AND day = ?")) {
        ps.setString(1, tenant.value());
        ps.setObject(2, day);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(metrics(rs)) : Optional.<FulfillmentMetrics>empty();
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
  public List<FulfillmentMetrics> list(TenantId tenant, LocalDate from, LocalDate to) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      return List.of();
    }
    return tx.inTenant(tenant.value(), "list fulfillment metrics", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT tenant_id, day, zone, kpis::text FROM fulfillment_metrics "
          + "WHERE tenant_id = ? AND day >= ? AND day < ? ORDER BY day")) {
        ps.setString(1, tenant.value());
        ps.setObject(2, from);
        ps.setObject(3, to);
        List<FulfillmentMetrics> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(metrics(rs));
          }
        }
        return out;
      }
    });
  }
}

package dev.dropsync.storage.jdbc;

import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.automation.spi.StockAlertStore;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.storage.jdbc.internal.Sql;
import dev.dropsync.storage.jdbc.internal.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StockAlertStore} on PostgreSQL (table {@code stock_alerts}, keyed by {@code (tenant_id,
 * alert_id)}; migration {@code V6__automation.sql}). "At most one open alert per (tenant, variant,
 * kind)" is the partial unique index {@code stock_alerts_one_open (tenant_id, variant_id, kind) WHERE
 * closed_ns IS NULL}, so {@link #open} is one {@code INSERT … ON CONFLICT DO NOTHING} and concurrent
 * opens of one crossing, from any number of processes, store exactly one alert. {@link #close} and
 * {@link #markDelivered} are single conditional updates ({@code closed_ns IS NULL}, {@code
 * delivered_ns IS NULL}): the first call wins.
 *
 * <p>Every call is one transaction scoped to its tenant by row-level security; serialization
 * failures and deadlocks are retried, other database failures surface as {@link
 * JdbcStoreException}. Instants are kept exactly (nanoseconds), so alerts read back {@code equals}
 * to what was written. Thread-safe; holds nothing but the pool.
 *
 * @since 0.1.0
 */
public final class JdbcStockAlertStore implements StockAlertStore {
  private static final String COLUMNS = "tenant_id, alert_id, product_id, variant_id, sku, kind, available, threshold, "
      + "opened_ns, delivered_ns, closed_ns";

  private final Tx tx;

  /**
   * A store over {@code dataSource} (an application-role pool on a schema migrated with {@link
   * DropsyncSchema#migrate} and granted with {@link DropsyncSchema#grantTo}).
   *
   * @param dataSource the pool
   * @throws NullPointerException if {@code dataSource} is null
   * @since 0.1.0
   */
  public JdbcStockAlertStore(DataSource dataSource) {
    this.tx = new Tx(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Also false (nothing changed) if the tenant already has an alert with the same id, open or
   * closed.
   *
   * @throws InvalidInputException if {@code alert} is closed or already delivered
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean open(StockAlert alert) {
    Objects.requireNonNull(alert, "alert");
    if (!alert.open() || alert.delivered()) {
      throw new InvalidInputException("alert", alert.alertId(), "must be open and undelivered");
    }
    return tx.inTenant(alert.tenant().value(), "open stock alert " + alert.alertId(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_alerts (tenant_id, alert_id, product_id, "
          + "variant_id, sku, kind, available, threshold, opened_at, opened_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          + "ON CONFLICT DO NOTHING")) {
        ps.setString(1, alert.tenant().value());
        ps.setString(2, alert.alertId());
        ps.setString(3, alert.product().value());
        ps.setString(4, alert.variant().value());
        ps.setString(5, alert.sku());
        ps.setString(6, alert.kind().name());
        ps.setLong(7, alert.available());
        ps.setLong(8, alert.threshold());
        Sql.setTime(ps, 9, alert.openedAt());
        ps.setLong(10, Sql.nanos(alert.openedAt()));
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<StockAlert> findOpen(TenantId tenant, VariantId variant, StockAlertKind kind) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(kind, "kind");
    return tx.inTenant(tenant.value(), "find open " + kind + " alert of " + variant, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stock_alerts "
          + "WHERE tenant_id = ? AND variant_id = ? AND kind = ? AND closed_ns IS NULL")) {
        ps.setString(1, tenant.value());
        ps.setString(2, variant.value());
        ps.setString(3, kind.name());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(alert(rs)) : Optional.<StockAlert>empty();
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
  public boolean close(TenantId tenant, VariantId variant, StockAlertKind kind, Instant at) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    return tx.inTenant(tenant.value(), "close " + kind + " alert of " + variant, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE stock_alerts SET closed_at = ?, closed_ns = ? "
          + "WHERE tenant_id = ? AND variant_id = ? AND kind = ? AND closed_ns IS NULL")) {
        Sql.setTime(ps, 1, at);
        ps.setLong(2, Sql.nanos(at));
        ps.setString(3, tenant.value());
        ps.setString(4, variant.value());
        ps.setString(5, kind.name());
        return ps.executeUpdate() > 0;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean markDelivered(TenantId tenant, String alertId, Instant at) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(at, "at");
    return tx.inTenant(tenant.value(), "mark stock alert " + alertId + " delivered", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE stock_alerts SET delivered_at = ?, delivered_ns = ? "
          + "WHERE tenant_id = ? AND alert_id = ? AND delivered_ns IS NULL")) {
        Sql.setTime(ps, 1, at);
        ps.setLong(2, Sql.nanos(at));
        ps.setString(3, tenant.value());
        ps.setString(4, alertId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<StockAlert> openAlerts(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return query(tenant, "list open stock alerts", "closed_ns IS NULL", null, null);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<StockAlert> history(TenantId tenant, Instant from, Instant to) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", to, "must not be before from (" + from + ")");
    }
    return query(tenant, "list stock alert history", "opened_ns >= ? AND opened_ns < ?", from, to);
  }

  private List<StockAlert> query(TenantId tenant, String what, String condition, @Nullable Instant from,
      @Nullable Instant to) {
    return tx.inTenant(tenant.value(), what, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stock_alerts WHERE tenant_id = ? AND "
          + condition + " ORDER BY opened_ns, alert_id")) {
        ps.setString(1, tenant.value());
        if (from != null && to != null) {
          ps.setLong(2, Sql.nanos(from));
          ps.setLong(3, Sql.nanos(to));
        }
        List<StockAlert> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(alert(rs));
          }
        }
        return List.copyOf(out);
      }
    });
  }

  private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
    long ns = rs.getLong(column);
    return rs.wasNull() ? null : Sql.instant(ns);
  }

  private static StockAlert alert(ResultSet rs) throws SQLException {
    return new StockAlert(TenantId.of(rs.getString(1)), rs.getString(2), ProductId.of(rs.getString(3)),
        VariantId.of(rs.getString(4)), rs.getString(5), StockAlertKind.valueOf(rs.getString(6)), rs.getLong(7),
        rs.getLong(8), Sql.instant(rs.getLong(9)), instant(rs, 10), instant(rs, 11));
  }
}

package dev.dropsync.storage.jdbc;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.InventoryHealth;
import dev.dropsync.inventory.analytics.ProductAnalytics;
import dev.dropsync.inventory.analytics.spi.AnalyticsSnapshotStore;
import dev.dropsync.storage.jdbc.internal.Sql;
import dev.dropsync.storage.jdbc.internal.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link AnalyticsSnapshotStore} on PostgreSQL: tables {@code product_analytics} (one row per
 * tenant, day and product) and {@code inventory_health} (one row per tenant and day); migration
 * {@code V5__analytics.sql}. Saving is an upsert on those keys; {@link #saveDay} writes the health
 * row and every product row in one transaction, so a day is stored whole or not at all. Every call
 * is tenant-scoped under row-level security. Thread-safe, also across processes.
 *
 * @since 0.1.0
 */
public final class JdbcAnalyticsSnapshotStore implements AnalyticsSnapshotStore {
  private static final String PRODUCT_COLUMNS = "tenant_id, product_id, day, units_sold, units_returned, revenue, "
      + "revenue_currency, profit, profit_currency, return_rate, velocity, turnover, days_of_inventory, "
      + "closing_stock, stock_value, stock_value_currency, score";

  private final Tx tx;

  /**
   * A store over {@code dataSource} (application-role pool on a migrated schema).
   *
   * @throws NullPointerException if {@code dataSource} is null
   */
  public JdbcAnalyticsSnapshotStore(DataSource dataSource) {
    this.tx = new Tx(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public void saveDay(InventoryHealth health, List<ProductAnalytics> products) {
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(products, "products");
    for (ProductAnalytics p : products) {
      Objects.requireNonNull(p, "products[i]");
      if (!p.tenant().equals(health.tenant())) {
        throw new InvalidInputException("products.tenant", p.tenant().value(),
            "must be the health row's tenant " + health.tenant().value());
      }
      if (!p.date().equals(health.date())) {
        throw new InvalidInputException("products.date", p.date(), "must be the health row's date " + health.date());
      }
    }
    List<ProductAnalytics> rows = List.copyOf(products);
    tx.inTenant(health.tenant().value(), "save analytics day " + health.date(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO inventory_health (tenant_id, day, stock_value, stock_value_currency, active_products, "
              + "low_stock_products, out_of_stock_products, inactive_products, units_sold, revenue, revenue_currency, "
              + "average_stock, turnover, days_of_inventory, sell_through) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, day) DO UPDATE SET "
              + "stock_value = excluded.stock_value, stock_value_currency = excluded.stock_value_currency, "
              + "active_products = excluded.active_products, low_stock_products = excluded.low_stock_products, "
              + "out_of_stock_products = excluded.out_of_stock_products, "
              + "inactive_products = excluded.inactive_products, units_sold = excluded.units_sold, "
              + "revenue = excluded.revenue, revenue_currency = excluded.revenue_currency, "
              + "average_stock = excluded.average_stock, turnover = excluded.turnover, "
              + "days_of_inventory = excluded.days_of_inventory, sell_through = excluded.sell_through")) {
        ps.setString(1, health.tenant().value());
        ps.setObject(2, health.date());
        ps.setBigDecimal(3, health.stockValue().amount());
        ps.setString(4, health.stockValue().currency().getCurrencyCode());
        ps.setInt(5, health.activeProducts());
        ps.setInt(6, health.lowStockProducts());
        ps.setInt(7, health.outOfStockProducts());
        ps.setInt(8, health.inactiveProducts());
        ps.setLong(9, health.unitsSold());
        ps.setBigDecimal(10, health.revenue().amount());
        ps.setString(11, health.revenue().currency().getCurrencyCode());
        Sql.setDecimal(ps, 12, health.averageStock());
        Sql.setDecimal(ps, 13, health.turnover());
        Sql.setDecimal(ps, 14, health.daysOfInventory());
        Sql.setDecimal(ps, 15, health.sellThrough());
        ps.executeUpdate();
      }
      upsert(c, rows);
      return Boolean.TRUE;
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public void save(ProductAnalytics snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    tx.inTenant(snapshot.tenant().value(), "save product analytics " + snapshot.product().value(), c -> {
      upsert(c, List.of(snapshot));
      return Boolean.TRUE;
    });
  }

  private static void upsert(Connection c, List<ProductAnalytics> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO product_analytics (" + PRODUCT_COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, day, product_id) "
        + "DO UPDATE SET units_sold = excluded.units_sold, units_returned = excluded.units_returned, "
        + "revenue = excluded.revenue, revenue_currency = excluded.revenue_currency, profit = excluded.profit, "
        + "profit_currency = excluded.profit_currency, return_rate = excluded.return_rate, "
        + "velocity = excluded.velocity, turnover = excluded.turnover, "
        + "days_of_inventory = excluded.days_of_inventory, closing_stock = excluded.closing_stock, "
        + "stock_value = excluded.stock_value, stock_value_currency = excluded.stock_value_currency, "
        + "score = excluded.score")) {
      for (ProductAnalytics p : rows) {
        ps.setString(1, p.tenant().value());
        ps.setString(2, p.product().value());
        ps.setObject(3, p.date());
        ps.setLong(4, p.unitsSold());
        ps.setLong(5, p.unitsReturned());
        ps.setBigDecimal(6, p.revenue().amount());
        ps.setString(7, p.revenue().currency().getCurrencyCode());
        ps.setBigDecimal(8, p.profit().amount());
        ps.setString(9, p.profit().currency().getCurrencyCode());
        Sql.setDecimal(ps, 10, p.returnRate());
        Sql.setDecimal(ps, 11, p.velocity());
        Sql.setDecimal(ps, 12, p.turnover());
        Sql.setDecimal(ps, 13, p.daysOfInventory());
        ps.setLong(14, p.closingStock());
        ps.setBigDecimal(15, p.stockValue().amount());
        ps.setString(16, p.stockValue().currency().getCurrencyCode());
        ps.setInt(17, p.score());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static ProductAnalytics product(ResultSet rs) throws SQLException {
    return new ProductAnalytics(TenantId.of(rs.getString(1)), ProductId.of(rs.getString(2)),
        rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getLong(5), money(rs, 6), money(rs, 8),
        Sql.decimal(rs, "return_rate"), Sql.decimal(rs, "velocity"), Sql.decimal(rs, "turnover"),
        Sql.decimal(rs, "days_of_inventory"), rs.getLong(14), money(rs, 15), rs.getInt(17));
  }

  private static Money money(ResultSet rs, int amountColumn) throws SQLException {
    return Money.of(rs.getBigDecimal(amountColumn), Currency.getInstance(rs.getString(amountColumn + 1)));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<InventoryHealth> inventoryHealth(TenantId tenant, LocalDate date) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(date, "date");
    return tx.inTenant(tenant.value(), "find inventory health " + date, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT tenant_id, day, stock_value, stock_value_currency, "
          + "active_products, low_stock_products, out_of_stock_products, inactive_products, units_sold, revenue, "
          + "revenue_currency, average_stock, turnover, days_of_inventory, sell_through FROM inventory_health "
          + "WHERE tenant_id = ? AND day = ?")) {
        ps.setString(1, tenant.value());
        ps.setObject(2, date);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<InventoryHealth>empty();
          }
          return Optional.of(new InventoryHealth(TenantId.of(rs.getString(1)), rs.getObject(2, LocalDate.class),
              money(rs, 3), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getLong(9), money(rs, 10),
              Sql.decimal(rs, "average_stock"), Sql.decimal(rs, "turnover"), Sql.decimal(rs, "days_of_inventory"),
              Sql.decimal(rs, "sell_through")));
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
  public List<ProductAnalytics> productAnalytics(TenantId tenant, LocalDate date) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(date, "date");
    return tx.inTenant(tenant.value(), "list product analytics " + date, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + PRODUCT_COLUMNS
          + " FROM product_analytics WHERE tenant_id = ? AND day = ? ORDER BY product_id COLLATE \"C\"")) {
        ps.setString(1, tenant.value());
        ps.setObject(2, date);
        return list(ps);
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<ProductAnalytics> productAnalytics(TenantId tenant, LocalDate date, ProductId product) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(product, "product");
    return tx.inTenant(tenant.value(), "find product analytics " + product.value(), c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + PRODUCT_COLUMNS
          + " FROM product_analytics WHERE tenant_id = ? AND day = ? AND product_id = ?")) {
        ps.setString(1, tenant.value());
        ps.setObject(2, date);
        ps.setString(3, product.value());
        return list(ps).stream().findFirst();
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<ProductAnalytics> productHistory(TenantId tenant, ProductId product, LocalDate from, LocalDate to) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new InvalidInputException("from", from, "must be before to (" + to + ")");
    }
    return tx.inTenant(tenant.value(), "product analytics history " + product.value(), c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + PRODUCT_COLUMNS
          + " FROM product_analytics WHERE tenant_id = ? AND product_id = ? AND day >= ? AND day < ? ORDER BY day")) {
        ps.setString(1, tenant.value());
        ps.setString(2, product.value());
        ps.setObject(3, from);
        ps.setObject(4, to);
        return list(ps);
      }
    });
  }

  private static List<ProductAnalytics> list(PreparedStatement ps) throws SQLException {
    List<ProductAnalytics> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(product(rs));
      }
    }
    return List.copyOf(out);
  }
}

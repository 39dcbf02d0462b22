package dev.dropsync.storage.jdbc;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.Sale;
import dev.dropsync.inventory.analytics.SaleReturn;
import dev.dropsync.inventory.analytics.spi.SalesLedger;
import dev.dropsync.storage.jdbc.internal.Sql;
import dev.dropsync.storage.jdbc.internal.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SalesLedger} on PostgreSQL (tables {@code analytics_sales} and {@code
 * analytics_returns}, keyed by {@code (tenant, orderRef, variant)}; migration {@code
 * V5__analytics.sql}). Recording is {@code INSERT … ON CONFLICT DO NOTHING} followed, when the key
 * existed, by a comparison with the stored row in the same transaction: an equal event is a no-op
 * ({@code false}), a different one is rejected. A return locks its sale row ({@code FOR SHARE}) and
 * is checked against it before it is stored. Every call is one tenant-scoped transaction (row-level
 * security). Times are kept exactly (nanoseconds). Thread-safe, also across processes.
 *
 * @since 0.1.0
 */
public final class JdbcSalesLedger implements SalesLedger {
  private final Tx tx;

  /**
   * A ledger over {@code dataSource} (application-role pool on a migrated schema).
   *
   * @throws NullPointerException if {@code dataSource} is null
   */
  public JdbcSalesLedger(DataSource dataSource) {
    this.tx = new Tx(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean recordSale(Sale sale) {
    Objects.requireNonNull(sale, "sale");
    return tx.inTenant(sale.tenant().value(), "record sale " + sale.orderRef(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO analytics_sales (tenant_id, order_ref, variant_id, product_id, quantity, unit_price, unit_cost, "
              + "currency, at, at_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
              + "ON CONFLICT (tenant_id, order_ref, variant_id) DO NOTHING")) {
        ps.setString(1, sale.tenant().value());
        ps.setString(2, sale.orderRef());
        ps.setString(3, sale.variant().value());
        ps.setString(4, sale.product().value());
        ps.setLong(5, sale.quantity());
        ps.setBigDecimal(6, sale.unitPrice().amount());
        ps.setBigDecimal(7, sale.unitCost().amount());
        ps.setString(8, sale.unitPrice().currency().getCurrencyCode());
        Sql.setTime(ps, 9, sale.at());
        ps.setLong(10, Sql.nanos(sale.at()));
        if (ps.executeUpdate() == 1) {
          return true;
        }
      }
      Sale existing = findSale(c, sale.tenant(), sale.orderRef(), sale.variant(), false);
      if (sale.equals(existing)) {
        return false;
      }
      throw new InvalidInputException("orderRef", sale.orderRef(),
          "was already recorded for variant " + sale.variant() + " with different values");
    });
  }

  private static final String SALE_COLUMNS =
      "tenant_id, product_id, variant_id, quantity, unit_price, unit_cost, currency, at_ns, order_ref";

  private static Sale sale(ResultSet rs) throws SQLException {
    Currency cur = Currency.getInstance(rs.getString(7));
    return new Sale(TenantId.of(rs.getString(1)), ProductId.of(rs.getString(2)), VariantId.of(rs.getString(3)),
        rs.getLong(4), Money.of(rs.getBigDecimal(5), cur), Money.of(rs.getBigDecimal(6), cur),
        Sql.instant(rs.getLong(8)), rs.getString(9));
  }

  private static @Nullable Sale findSale(Connection c, TenantId tenant, String orderRef, VariantId variant,
      boolean lock) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + SALE_COLUMNS
        + " FROM analytics_sales WHERE tenant_id = ? AND order_ref = ? AND variant_id = ?" + (lock ? " FOR SHARE" : ""))) {
      ps.setString(1, tenant.value());
      ps.setString(2, orderRef);
      ps.setString(3, variant.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? sale(rs) : null;
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean recordReturn(SaleReturn r) {
    Objects.requireNonNull(r, "saleReturn");
    return tx.inTenant(r.tenant().value(), "record return " + r.orderRef(), c -> {
      Sale sale = findSale(c, r.tenant(), r.orderRef(), r.variant(), true);
      if (sale == null || !sale.product().equals(r.product())) {
        throw new NotFoundException("sale", r.orderRef() + "/" + r.variant());
      }
      Optional<SaleReturn> existing = findReturn(c, r);
      if (existing.isPresent()) {
        if (existing.get().equals(r)) {
          return false;
        }
        throw new InvalidInputException("orderRef", r.orderRef(),
            "already has a return for variant " + r.variant() + " with different values");
      }
      if (r.quantity() > sale.quantity()) {
        throw new InvalidInputException("quantity", r.quantity(), "must be <= the sold quantity " + sale.quantity());
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO analytics_returns (tenant_id, order_ref, variant_id, product_id, quantity, at, at_ns) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, order_ref, variant_id) DO NOTHING")) {
        ps.setString(1, r.tenant().value());
        ps.setString(2, r.orderRef());
        ps.setString(3, r.variant().value());
        ps.setString(4, r.product().value());
        ps.setLong(5, r.quantity());
        Sql.setTime(ps, 6, r.at());
        ps.setLong(7, Sql.nanos(r.at()));
        if (ps.executeUpdate() == 1) {
          return true;
        }
      }
      // A concurrent transaction stored a return for the same key first: compare with it.
      SaleReturn winner = findReturn(c, r).orElseThrow();
      if (winner.equals(r)) {
        return false;
      }
      throw new InvalidInputException("orderRef", r.orderRef(),
          "already has a return for variant " + r.variant() + " with different values");
    });
  }

  private static final String RETURN_COLUMNS = "tenant_id, product_id, variant_id, quantity, at_ns, order_ref";

  private static SaleReturn saleReturn(ResultSet rs) throws SQLException {
    return new SaleReturn(TenantId.of(rs.getString(1)), ProductId.of(rs.getString(2)), VariantId.of(rs.getString(3)),
        rs.getLong(4), Sql.instant(rs.getLong(5)), rs.getString(6));
  }

  private static Optional<SaleReturn> findReturn(Connection c, SaleReturn r) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + RETURN_COLUMNS
        + " FROM analytics_returns WHERE tenant_id = ? AND order_ref = ? AND variant_id = ?")) {
      ps.setString(1, r.tenant().value());
      ps.setString(2, r.orderRef());
      ps.setString(3, r.variant().value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(saleReturn(rs)) : Optional.empty();
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<Sale> sales(TenantId tenant, Instant from, Instant to) {
    return salesOf(tenant, null, from, to);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<Sale> sales(TenantId tenant, ProductId product, Instant from, Instant to) {
    Objects.requireNonNull(product, "product");
    return salesOf(tenant, product, from, to);
  }

  private List<Sale> salesOf(TenantId tenant, @Nullable ProductId product, Instant from, Instant to) {
    range(tenant, from, to);
    return tx.inTenant(tenant.value(), "list sales", c -> query(c, "SELECT " + SALE_COLUMNS + " FROM analytics_sales",
        tenant, product, from, to, JdbcSalesLedger::sale));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<SaleReturn> returns(TenantId tenant, Instant from, Instant to) {
    return returnsOf(tenant, null, from, to);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<SaleReturn> returns(TenantId tenant, ProductId product, Instant from, Instant to) {
    Objects.requireNonNull(product, "product");
    return returnsOf(tenant, product, from, to);
  }

  private List<SaleReturn> returnsOf(TenantId tenant, @Nullable ProductId product, Instant from, Instant to) {
    range(tenant, from, to);
    return tx.inTenant(tenant.value(), "list returns", c -> query(c,
        "SELECT " + RETURN_COLUMNS + " FROM analytics_returns", tenant, product, from, to, JdbcSalesLedger::saleReturn));
  }

  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private static <T> List<T> query(Connection c, String select, TenantId tenant, @Nullable ProductId product,
      Instant from, Instant to, Row<T> row) throws SQLException {
    String sql = select + " WHERE tenant_id = ? AND at_ns >= ? AND at_ns < ?"
        + (product == null ? "" : " AND product_id = ?") + " ORDER BY at_ns, seq";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant.value());
      ps.setLong(2, Sql.nanos(from));
      ps.setLong(3, Sql.nanos(to));
      if (product != null) {
        ps.setString(4, product.value());
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.map(rs));
        }
      }
      return List.copyOf(out);
    }
  }

  private static void range(TenantId tenant, Instant from, Instant to) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new InvalidInputException("from", from, "must be before to (" + to + ")");
    }
  }
}

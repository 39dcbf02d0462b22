package dev.dropsync.storage.jdbc;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.StockObservation;
import dev.dropsync.inventory.analytics.StockState;
import dev.dropsync.inventory.analytics.spi.StockHistory;
import dev.dropsync.storage.jdbc.internal.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StockHistory} on PostgreSQL (table {@code stock_history}, one row per tenant, variant
 * and day; migration {@code V5__analytics.sql}). Recording is an upsert ({@code INSERT … ON
 * CONFLICT DO UPDATE}); queries are tenant-scoped transactions under row-level security, ordered by
 * day then variant. Thread-safe, also across processes.
 *
 * @since 0.1.0
 */
public final class JdbcStockHistory implements StockHistory {
  private final Tx tx;

  /**
   * A history over {@code dataSource} (application-role pool on a migrated schema).
   *
   * @throws NullPointerException if {@code dataSource} is null
   */
  public JdbcStockHistory(DataSource dataSource) {
    this.tx = new Tx(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public void record(StockObservation o) {
    Objects.requireNonNull(o, "observation");
    tx.inTenant(o.tenant().value(), "record stock of " + o.variant().value() + " on " + o.date(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO stock_history (tenant_id, variant_id, day, product_id, on_hand, unit_cost, currency, state, "
              + "low_stock_threshold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, variant_id, day) "
              + "DO UPDATE SET product_id = excluded.product_id, on_hand = excluded.on_hand, "
              + "unit_cost = excluded.unit_cost, currency = excluded.currency, state = excluded.state, "
              + "low_stock_threshold = excluded.low_stock_threshold")) {
        ps.setString(1, o.tenant().value());
        ps.setString(2, o.variant().value());
        ps.setObject(3, o.date());
        ps.setString(4, o.product().value());
        ps.setLong(5, o.onHand());
        ps.setBigDecimal(6, o.unitCost().amount());
        ps.setString(7, o.unitCost().currency().getCurrencyCode());
        ps.setString(8, o.state().name());
        ps.setLong(9, o.lowStockThreshold());
        return ps.executeUpdate();
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<StockObservation> observations(TenantId tenant, LocalDate from, LocalDate to) {
    return query(tenant, null, from, to);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<StockObservation> observations(TenantId tenant, ProductId product, LocalDate from, LocalDate to) {
    Objects.requireNonNull(product, "product");
    return query(tenant, product, from, to);
  }

  private List<StockObservation> query(TenantId tenant, @Nullable ProductId product, LocalDate from, LocalDate to) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new InvalidInputException("from", from, "must be before to (" + to + ")");
    }
    return tx.inTenant(tenant.value(), "list stock history", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT tenant_id, product_id, variant_id, day, on_hand, "
          + "unit_cost, currency, state, low_stock_threshold FROM stock_history WHERE tenant_id = ? AND day >= ? "
          + "AND day < ?" + (product == null ? "" : " AND product_id = ?") + " ORDER BY day, variant_id COLLATE \"C\"")) {
        ps.setString(1, tenant.value());
        ps.setObject(2, from);
        ps.setObject(3, to);
        if (product != null) {
          ps.setString(4, product.value());
        }
        List<StockObservation> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new StockObservation(TenantId.of(rs.getString(1)), ProductId.of(rs.getString(2)),
                VariantId.of(rs.getString(3)), rs.getObject(4, LocalDate.class), rs.getLong(5),
                Money.of(rs.getBigDecimal(6), Currency.getInstance(rs.getString(7))),
                StockState.valueOf(rs.getString(8)), rs.getLong(9)));
          }
        }
        return List.copyOf(out);
      }
    });
  }
}

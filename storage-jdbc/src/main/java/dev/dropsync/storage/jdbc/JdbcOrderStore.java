package dev.dropsync.storage.jdbc;

import dev.dropsync.fulfillment.CommunicationRecord;
import dev.dropsync.fulfillment.EarningEntry;
import dev.dropsync.fulfillment.NotificationType;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderLine;
import dev.dropsync.fulfillment.Refund;
import dev.dropsync.fulfillment.StatusChange;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.spi.OrderStore;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.storage.jdbc.internal.FulfillmentDocs;
import dev.dropsync.storage.jdbc.internal.Sql;
import dev.dropsync.storage.jdbc.internal.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link OrderStore} on PostgreSQL (tables {@code orders}, {@code order_lines}, {@code
 * order_status_history}, {@code order_refunds}, {@code supplier_orders}, {@code
 * commission_ledger}, {@code order_communications}; migration {@code V3__fulfillment.sql}).
 *
 * <p>Every call is one transaction scoped to its tenant ({@code SET LOCAL dropsync.tenant_id}), so
 * row-level security confines it to that tenant's rows. Inserts are {@code INSERT … ON CONFLICT
 * DO NOTHING} on the unique key (a second insert changes nothing and returns {@code false}, also
 * across processes); replaces are compare-and-set ({@code UPDATE … WHERE version = ?}). An
 * order's child rows (lines, status history, refunds) are written in the same transaction as the
 * order row, so nothing is ever half-applied. Serialization failures and deadlocks are retried.
 *
 * <p>Thread-safe: any number of threads and processes may share one database; each instance only
 * holds the {@link DataSource}.
 *
 * @since 0.1.0
 */
public final class JdbcOrderStore implements OrderStore {
  private static final String ORDER_COLUMNS = "doc::text";

  private final Tx tx;

  /**
   * A store over {@code dataSource} (a pool connecting as the application role; the schema must
   * have been migrated with {@link DropsyncSchema#migrate}).
   *
   * @throws NullPointerException if {@code dataSource} is null
   */
  public JdbcOrderStore(DataSource dataSource) {
    this.tx = new Tx(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean insertOrder(Order order) {
    Objects.requireNonNull(order, "order");
    return tx.inTenant(order.tenant().value(), "insert order " + order.id().value(), c -> {
      int n;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO orders (tenant_id, order_id, status, fulfillment_status, currency, created_at, created_ns, "
              + "updated_at, version, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
              + "ON CONFLICT (tenant_id, order_id) DO NOTHING")) {
        ps.setString(1, order.tenant().value());
        ps.setString(2, order.id().value());
        ps.setString(3, order.status().name());
        ps.setString(4, order.fulfillmentStatus().name());
        ps.setString(5, order.currency().getCurrencyCode());
        Sql.setTime(ps, 6, order.createdAt());
        ps.setLong(7, Sql.nanos(order.createdAt()));
        Sql.setTime(ps, 8, order.updatedAt());
        ps.setLong(9, order.version());
        Sql.setJson(ps, 10, FulfillmentDocs.orderJson(order));
        n = ps.executeUpdate();
      }
      if (n == 0) {
        return false;
      }
      insertLines(c, order);
      appendChildren(c, order);
      return true;
    });
  }

  private static void insertLines(Connection c, Order order) throws SQLException {
    if (order.lines().isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO order_lines (tenant_id, order_id, line_no, variant_id, quantity, unit_price, currency) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int no = 0;
      for (OrderLine l : order.lines()) {
        ps.setString(1, order.tenant().value());
        ps.setString(2, order.id().value());
        ps.setInt(3, ++no);
        ps.setString(4, l.variant().value());
        ps.setLong(5, l.quantity());
        ps.setBigDecimal(6, l.unitPrice().amount());
        ps.setString(7, l.unitPrice().currency().getCurrencyCode());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Status history and refunds only grow: rows already present are kept (ON CONFLICT DO NOTHING). */
  private static void appendChildren(Connection c, Order order) throws SQLException {
    if (!order.history().isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO order_status_history (tenant_id, order_id, seq, from_status, to_status, at, actor, reason) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        int seq = 0;
        for (StatusChange<OrderStatus> h : order.history()) {
          ps.setString(1, order.tenant().value());
          ps.setString(2, order.id().value());
          ps.setInt(3, ++seq);
          OrderStatus from = h.from();
          Sql.setNullableString(ps, 4, from == null ? null : from.name());
          ps.setString(5, h.to().name());
          Sql.setTime(ps, 6, h.at());
          ps.setString(7, h.actor());
          ps.setString(8, h.reason());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!order.refunds().isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO order_refunds (tenant_id, order_id, refund_id, amount, currency, reason, at) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        for (Refund r : order.refunds()) {
          ps.setString(1, order.tenant().value());
          ps.setString(2, order.id().value());
          ps.setString(3, r.refundId());
          ps.setBigDecimal(4, r.amount().amount());
          ps.setString(5, r.amount().currency().getCurrencyCode());
          ps.setString(6, r.reason());
          Sql.setTime(ps, 7, r.at());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<Order> findOrder(TenantId tenant, OrderId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return tx.inTenant(tenant.value(), "find order " + id.value(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + ORDER_COLUMNS + " FROM orders WHERE tenant_id = ? AND order_id = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(FulfillmentDocs.order(rs.getString(1))) : Optional.<Order>empty();
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
  public boolean replaceOrder(Order next, long expectedVersion) {
    Objects.requireNonNull(next, "next");
    return tx.inTenant(next.tenant().value(), "replace order " + next.id().value(), c -> {
      int n;
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE orders SET status = ?, fulfillment_status = ?, updated_at = ?, version = ?, doc = ?::jsonb "
              + "WHERE tenant_id = ? AND order_id = ? AND version = ?")) {
        ps.setString(1, next.status().name());
        ps.setString(2, next.fulfillmentStatus().name());
        Sql.setTime(ps, 3, next.updatedAt());
        ps.setLong(4, next.version());
        Sql.setJson(ps, 5, FulfillmentDocs.orderJson(next));
        ps.setString(6, next.tenant().value());
        ps.setString(7, next.id().value());
        ps.setLong(8, expectedVersion);
        n = ps.executeUpdate();
      }
      if (n == 0) {
        return false;
      }
      appendChildren(c, next);
      return true;
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<Order> listOrders(TenantId tenant, Instant from, Instant to) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return tx.inTenant(tenant.value(), "list orders", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + ORDER_COLUMNS + " FROM orders WHERE tenant_id = ? AND created_ns >= ? AND created_ns < ? "
              + "ORDER BY created_ns, order_id")) {
        ps.setString(1, tenant.value());
        ps.setLong(2, Sql.nanos(from));
        ps.setLong(3, Sql.nanos(to));
        List<Order> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(FulfillmentDocs.order(rs.getString(1)));
          }
        }
        return out;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean insertSupplierOrder(SupplierOrder order) {
    Objects.requireNonNull(order, "order");
    return tx.inTenant(order.tenant().value(), "insert supplier order " + order.reference(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO supplier_orders (tenant_id, reference, order_id, group_no, supplier_id, status, "
              + "supplier_order_id, tracking_number, created_at, updated_at, version, doc) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (tenant_id, reference) DO NOTHING")) {
        ps.setString(1, order.tenant().value());
        ps.setString(2, order.reference());
        ps.setString(3, order.orderId().value());
        ps.setInt(4, order.group());
        ps.setString(5, order.supplierId());
        ps.setString(6, order.status().name());
        Sql.setNullableString(ps, 7, order.supplierOrderId());
        Sql.setNullableString(ps, 8, order.tracking().trackingNumber());
        Sql.setTime(ps, 9, order.createdAt());
        Sql.setTime(ps, 10, order.updatedAt());
        ps.setLong(11, order.version());
        Sql.setJson(ps, 12, FulfillmentDocs.supplierOrderJson(order));
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
  public Optional<SupplierOrder> findSupplierOrder(TenantId tenant, String reference) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(reference, "reference");
    return tx.inTenant(tenant.value(), "find supplier order " + reference, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT doc::text FROM supplier_orders WHERE tenant_id = ? AND reference = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, reference);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(FulfillmentDocs.supplierOrder(rs.getString(1)))
              : Optional.<SupplierOrder>empty();
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
  public List<SupplierOrder> supplierOrdersOf(TenantId tenant, OrderId orderId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(orderId, "orderId");
    return tx.inTenant(tenant.value(), "supplier orders of " + orderId.value(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT doc::text FROM supplier_orders WHERE tenant_id = ? AND order_id = ? ORDER BY group_no, reference")) {
        ps.setString(1, tenant.value());
        ps.setString(2, orderId.value());
        List<SupplierOrder> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(FulfillmentDocs.supplierOrder(rs.getString(1)));
          }
        }
        return out;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Matches {@code supplier_order_id} (indexed) or {@code tracking_number}.
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<SupplierOrder> findSupplierOrdersByExternalId(TenantId tenant, String supplierId, String externalId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(externalId, "externalId");
    return tx.inTenant(tenant.value(), "supplier orders known as " + externalId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT doc::text FROM supplier_orders WHERE tenant_id = ? AND supplier_id = ? "
              + "AND (supplier_order_id = ? OR tracking_number = ?) ORDER BY reference COLLATE \"C\"")) {
        ps.setString(1, tenant.value());
        ps.setString(2, supplierId);
        ps.setString(3, externalId);
        ps.setString(4, externalId);
        List<SupplierOrder> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(FulfillmentDocs.supplierOrder(rs.getString(1)));
          }
        }
        return out;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean replaceSupplierOrder(SupplierOrder next, long expectedVersion) {
    Objects.requireNonNull(next, "next");
    return tx.inTenant(next.tenant().value(), "replace supplier order " + next.reference(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE supplier_orders SET status = ?, supplier_order_id = ?, tracking_number = ?, updated_at = ?, "
              + "version = ?, doc = ?::jsonb WHERE tenant_id = ? AND reference = ? AND version = ?")) {
        ps.setString(1, next.status().name());
        Sql.setNullableString(ps, 2, next.supplierOrderId());
        Sql.setNullableString(ps, 3, next.tracking().trackingNumber());
        Sql.setTime(ps, 4, next.updatedAt());
        ps.setLong(5, next.version());
        Sql.setJson(ps, 6, FulfillmentDocs.supplierOrderJson(next));
        ps.setString(7, next.tenant().value());
        ps.setString(8, next.reference());
        ps.setLong(9, expectedVersion);
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
  public boolean appendEarning(EarningEntry entry) {
    Objects.requireNonNull(entry, "entry");
    return tx.inTenant(entry.tenant().value(), "append earning " + entry.entryId(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO commission_ledger (tenant_id, entry_id, order_id, kind, currency, base, client, platform, "
              + "client_rate, at, at_ns, split) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
              + "ON CONFLICT (tenant_id, entry_id) DO NOTHING")) {
        ps.setString(1, entry.tenant().value());
        ps.setString(2, entry.entryId());
        ps.setString(3, entry.orderId().value());
        ps.setString(4, entry.kind().name());
        ps.setString(5, entry.split().base().currency().getCurrencyCode());
        ps.setBigDecimal(6, entry.split().base().amount());
        ps.setBigDecimal(7, entry.split().client().amount());
        ps.setBigDecimal(8, entry.split().platform().amount());
        ps.setBigDecimal(9, entry.split().clientRate());
        Sql.setTime(ps, 10, entry.at());
        ps.setLong(11, Sql.nanos(entry.at()));
        Sql.setJson(ps, 12, FulfillmentDocs.splitJson(entry.split()));
        return ps.executeUpdate() == 1;
      }
    });
  }

  private static final String EARNING_COLUMNS = "tenant_id, entry_id, order_id, kind, split::text, at_ns";

  private static EarningEntry earning(ResultSet rs) throws SQLException {
    return new EarningEntry(TenantId.of(rs.getString(1)), rs.getString(2), OrderId.of(rs.getString(3)),
        EarningEntry.Kind.valueOf(rs.getString(4)), FulfillmentDocs.split(rs.getString(5)), Sql.instant(rs.getLong(6)));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<EarningEntry> findEarning(TenantId tenant, String entryId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(entryId, "entryId");
    return tx.inTenant(tenant.value(), "find earning " + entryId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + EARNING_COLUMNS + " FROM commission_ledger WHERE tenant_id = ? AND entry_id = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, entryId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(earning(rs)) : Optional.<EarningEntry>empty();
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
  public List<EarningEntry> earnings(TenantId tenant, Instant from, Instant to) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return tx.inTenant(tenant.value(), "list earnings", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + EARNING_COLUMNS + " FROM commission_ledger WHERE tenant_id = ? AND at_ns >= ? AND at_ns < ? "
              + "ORDER BY at_ns, seq")) {
        ps.setString(1, tenant.value());
        ps.setLong(2, Sql.nanos(from));
        ps.setLong(3, Sql.nanos(to));
        List<EarningEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(earning(rs));
          }
        }
        return out;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean insertCommunication(CommunicationRecord record) {
    Objects.requireNonNull(record, "record");
    return tx.inTenant(record.tenant().value(), "insert communication " + record.eventKey(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO order_communications (tenant_id, order_id, event_key, type, status, attempts, last_error, "
              + "created_at, created_ns, updated_at, updated_ns, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
              + "ON CONFLICT (tenant_id, order_id, event_key) DO NOTHING")) {
        ps.setString(1, record.tenant().value());
        ps.setString(2, record.orderId().value());
        ps.setString(3, record.eventKey());
        ps.setString(4, record.type().name());
        ps.setString(5, record.status().name());
        ps.setInt(6, record.attempts());
        Sql.setNullableString(ps, 7, record.lastError());
        Sql.setTime(ps, 8, record.createdAt());
        ps.setLong(9, Sql.nanos(record.createdAt()));
        Sql.setTime(ps, 10, record.updatedAt());
        ps.setLong(11, Sql.nanos(record.updatedAt()));
        ps.setLong(12, record.version());
        return ps.executeUpdate() == 1;
      }
    });
  }

  private static final String COMM_COLUMNS =
      "tenant_id, order_id, event_key, type, status, attempts, last_error, created_ns, updated_ns, version";

  private static CommunicationRecord communication(ResultSet rs) throws SQLException {
    return new CommunicationRecord(TenantId.of(rs.getString(1)), OrderId.of(rs.getString(2)), rs.getString(3),
        NotificationType.valueOf(rs.getString(4)), CommunicationRecord.Status.valueOf(rs.getString(5)), rs.getInt(6),
        rs.getString(7), Sql.instant(rs.getLong(8)), Sql.instant(rs.getLong(9)), rs.getLong(10));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<CommunicationRecord> findCommunication(TenantId tenant, OrderId orderId, String eventKey) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(eventKey, "eventKey");
    return tx.inTenant(tenant.value(), "find communication " + eventKey, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COMM_COLUMNS
          + " FROM order_communications WHERE tenant_id = ? AND order_id = ? AND event_key = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, orderId.value());
        ps.setString(3, eventKey);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(communication(rs)) : Optional.<CommunicationRecord>empty();
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
  public boolean replaceCommunication(CommunicationRecord next, long expectedVersion) {
    Objects.requireNonNull(next, "next");
    return tx.inTenant(next.tenant().value(), "replace communication " + next.eventKey(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE order_communications SET type = ?, status = ?, attempts = ?, last_error = ?, created_at = ?, "
              + "created_ns = ?, updated_at = ?, updated_ns = ?, version = ? "
              + "WHERE tenant_id = ? AND order_id = ? AND event_key = ? AND version = ?")) {
        ps.setString(1, next.type().name());
        ps.setString(2, next.status().name());
        ps.setInt(3, next.attempts());
        Sql.setNullableString(ps, 4, next.lastError());
        Sql.setTime(ps, 5, next.createdAt());
        ps.setLong(6, Sql.nanos(next.createdAt()));
        Sql.setTime(ps, 7, next.updatedAt());
        ps.setLong(8, Sql.nanos(next.updatedAt()));
        ps.setLong(9, next.version());
        ps.setString(10, next.tenant().value());
        ps.setString(11, next.orderId().value());
        ps.setString(12, next.eventKey());
        ps.setLong(13, expectedVersion);
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
  public List<CommunicationRecord> communications(TenantId tenant, OrderId orderId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(orderId, "orderId");
    return tx.inTenant(tenant.value(), "list communications of " + orderId.value(), c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COMM_COLUMNS
          + " FROM order_communications WHERE tenant_id = ? AND order_id = ? ORDER BY created_ns, seq")) {
        ps.setString(1, tenant.value());
        ps.setString(2, orderId.value());
        List<CommunicationRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(communication(rs));
          }
        }
        return out;
      }
    });
  }
}

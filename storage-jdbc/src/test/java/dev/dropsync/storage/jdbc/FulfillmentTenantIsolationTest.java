package dev.dropsync.storage.jdbc;

import static dev.dropsync.storage.jdbc.RawSql.adminCount;
import static dev.dropsync.storage.jdbc.RawSql.adminTenants;
import static dev.dropsync.storage.jdbc.RawSql.assertRowLevelSecurityForced;
import static dev.dropsync.storage.jdbc.RawSql.scope;
import static dev.dropsync.storage.jdbc.RawSql.tenants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.fulfillment.CommissionSplit;
import dev.dropsync.fulfillment.CommunicationRecord;
import dev.dropsync.fulfillment.EarningEntry;
import dev.dropsync.fulfillment.FulfillmentKpis;
import dev.dropsync.fulfillment.FulfillmentMetrics;
import dev.dropsync.fulfillment.NotificationType;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.Refund;
import dev.dropsync.fulfillment.ShipmentGroup;
import dev.dropsync.fulfillment.ShipmentLine;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.internal.OrderEdit;
import dev.dropsync.fulfillment.testing.Fixture;
import dev.dropsync.fulfillment.OrderRequest;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.InventoryHealth;
import dev.dropsync.inventory.analytics.ProductAnalytics;
import dev.dropsync.inventory.analytics.Sale;
import dev.dropsync.inventory.analytics.SaleReturn;
import dev.dropsync.inventory.analytics.StockObservation;
import dev.dropsync.inventory.analytics.StockState;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-level security of every table of V3 (fulfilment) and V5 (analytics), checked with raw SQL as
 * the application role: scoped to tenant A a session sees only A's rows, with the setting unset it
 * sees nothing, and it can neither insert B's rows nor move or change B's rows.
 */
class FulfillmentTenantIsolationTest {
  private static final TenantId A = TenantId.of("tenant-a");
  private static final TenantId B = TenantId.of("tenant-b");
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final LocalDate D0 = LocalDate.of(2026, 11, 2);

  private DataSource app;

  @BeforeEach
  void seedBothTenants() {
    app = TestDatabase.get().fresh();
    for (TenantId t : List.of(A, B)) {
      seed(t, t == A ? "a" : "b");
    }
  }

  private void seed(TenantId t, String p) {
    JdbcOrderStore orders = new JdbcOrderStore(app);
    Order o = Order0.of(t, p + "-o1");
    orders.insertOrder(o);
    OrderEdit e = new OrderEdit(o);
    e.refunds.add(new Refund(p + "-r1", Money.of("1.00", "USD"), "damaged", T0));
    orders.replaceOrder(e.build(T0), o.version());
    ShipmentGroup g = new ShipmentGroup(1, "cj", p + "-o1-1",
        List.of(new ShipmentLine(VariantId.of("v1"), "sv1", "SKU1", 1, Money.of("3.00", "USD"))),
        new FreightOption("CJPacket", Money.of("4.00", "USD"), 7, 12));
    orders.insertSupplierOrder(SupplierOrder.open(t, o.id(), g, T0));
    orders.appendEarning(new EarningEntry(t, p + "-o1:sale", o.id(), EarningEntry.Kind.SALE,
        CommissionSplit.of(Money.of("10.00", "USD"), new BigDecimal("0.30")), T0));
    orders.insertCommunication(new CommunicationRecord(t, o.id(), "confirmed", NotificationType.CONFIRMED,
        CommunicationRecord.Status.SENT, 1, null, T0, T0, 1));
    new JdbcMetricsStore(app).save(new FulfillmentMetrics(t, D0, ZoneOffset.UTC, new FulfillmentKpis(t, T0,
        T0.plusSeconds(86_400), 1, Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), OptionalDouble.of(1.0), OptionalDouble.empty(), 0, Map.of(), Map.of())));
    JdbcSalesLedger ledger = new JdbcSalesLedger(app);
    ledger.recordSale(new Sale(t, ProductId.of("p1"), VariantId.of("v1"), 2, Money.of("10.00", "USD"),
        Money.of("4.00", "USD"), T0, p + "-o1"));
    ledger.recordReturn(new SaleReturn(t, ProductId.of("p1"), VariantId.of("v1"), 1, T0, p + "-o1"));
    new JdbcStockHistory(app).record(new StockObservation(t, ProductId.of("p1"), VariantId.of("v1"), D0, 5,
        Money.of("4.00", "USD"), StockState.ACTIVE, 2));
    new JdbcAnalyticsSnapshotStore(app).saveDay(
        new InventoryHealth(t, D0, Money.of("20.00", "USD"), 1, 0, 0, 0, 2, Money.of("20.00", "USD"),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
        List.of(new ProductAnalytics(t, ProductId.of("p1"), D0, 2, 1, Money.of("20.00", "USD"),
            Money.of("12.00", "USD"), Optional.of(new BigDecimal("0.5")), Optional.empty(), Optional.empty(),
            Optional.empty(), 5, Money.of("20.00", "USD"), 50)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "order_lines", "order_status_history", "order_refunds", "supplier_orders",
      "commission_ledger", "order_communications", "fulfillment_metrics", "analytics_sales", "analytics_returns",
      "stock_history", "product_analytics", "inventory_health"})
  void appRoleScopedToTenantASeesAndWritesOnlyTenantARows(String table) throws SQLException {
    assertThat(adminTenants(table)).as("both tenants seeded").containsExactlyInAnyOrder("tenant-a", "tenant-b");
    try (Connection c = app.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // setting unset: nothing visible, even with a query that asks for B explicitly
        assertThat(tenants(s, "SELECT tenant_id FROM " + table)).isEmpty();
        assertThat(tenants(s, "SELECT tenant_id FROM " + table + " WHERE tenant_id = 'tenant-b'")).isEmpty();
        c.rollback();

        scope(c, "tenant-a");
        assertThat(tenants(s, "SELECT tenant_id FROM " + table)).isNotEmpty().containsOnly("tenant-a");
        assertThat(tenants(s, "SELECT tenant_id FROM " + table + " WHERE tenant_id = 'tenant-b'")).isEmpty();
        // B's rows cannot be changed or deleted (they are invisible) ...
        assertThat(s.executeUpdate("UPDATE " + table + " SET tenant_id = tenant_id WHERE tenant_id = 'tenant-b'"))
            .isZero();
        assertThat(s.executeUpdate("DELETE FROM " + table + " WHERE tenant_id = 'tenant-b'")).isZero();
        c.rollback();

        // ... A's rows cannot be moved to B ...
        scope(c, "tenant-a");
        assertThatThrownBy(() -> s.executeUpdate("UPDATE " + table + " SET tenant_id = 'tenant-b'"))
            .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
        c.rollback();

        // ... and no row can be inserted for B (a copy of an A row re-labelled as B's)
        scope(c, "tenant-a");
        assertThatThrownBy(() -> s.executeUpdate("INSERT INTO " + table + " SELECT (jsonb_populate_record(NULL::"
            + table + ", to_jsonb(x) || '{\"tenant_id\": \"tenant-b\"}')).* FROM " + table + " x LIMIT 1"))
            .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
        c.rollback();
      }
      c.setAutoCommit(true);
    }
    assertThat(adminCount(table, "tenant-b")).as("B's rows untouched").isEqualTo(adminCount(table, "tenant-a"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "order_lines", "order_status_history", "order_refunds", "supplier_orders",
      "commission_ledger", "order_communications", "fulfillment_metrics", "analytics_sales", "analytics_returns",
      "stock_history", "product_analytics", "inventory_health"})
  void rowLevelSecurityIsForcedOnTheTable(String table) throws SQLException {
    assertRowLevelSecurityForced(table);
  }

  /** A small valid PENDING order built from the fulfilment fixture's request. */
  static final class Order0 {
    private Order0() {}

    static Order of(TenantId t, String id) {
      OrderRequest r = Fixture.order(t, id).build();
      return new Order(t, OrderId.of(id), r.lines(), r.currency(), r.shippingCharge(), r.shippingAddress(),
          r.customer(), dev.dropsync.fulfillment.OrderStatus.PENDING, null,
          dev.dropsync.fulfillment.FulfillmentStatus.UNFULFILLED, null, List.of(), false, false, null, List.of(),
          List.of(new dev.dropsync.fulfillment.StatusChange<>(null, dev.dropsync.fulfillment.OrderStatus.PENDING,
              T0, "system", "created")), T0, T0, null, null, 1);
    }
  }
}

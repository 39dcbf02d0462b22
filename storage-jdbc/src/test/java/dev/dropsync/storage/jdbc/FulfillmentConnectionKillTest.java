package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.Refund;
import dev.dropsync.fulfillment.internal.OrderEdit;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.InventoryHealth;
import dev.dropsync.inventory.analytics.ProductAnalytics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A store transaction whose connection is killed (pg_terminate_backend from the admin pool) while
 * it waits on a lock the test holds, after it already wrote part of its rows: nothing of it
 * remains, and retrying the same call afterwards applies it whole.
 */
class FulfillmentConnectionKillTest {
  private static final TenantId A = TenantId.of("tenant-a");
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  @Test
  void insertOrderKilledAfterWritingTheOrderRowLeavesNoOrderAndNoLines() throws Exception {
    DataSource app = TestDatabase.get().fresh();
    JdbcOrderStore store = new JdbcOrderStore(app);
    Order order = FulfillmentTenantIsolationTest.Order0.of(A, "k-1");

    // The victim inserts into orders, then blocks on order_lines, which the admin locks.
    killWhileBlockedOn("order_lines", () -> store.insertOrder(order));

    assertThat(count("orders", "k-1")).isZero();
    assertThat(count("order_lines", "k-1")).isZero();
    assertThat(count("order_status_history", "k-1")).isZero();
    assertThat(store.findOrder(A, order.id())).isEmpty();

    assertThat(store.insertOrder(order)).isTrue();
    assertThat(store.findOrder(A, order.id())).contains(order);
    assertThat(count("order_lines", "k-1")).isEqualTo(order.lines().size());
    assertThat(count("order_status_history", "k-1")).isEqualTo(order.history().size());
  }

  @Test
  void replaceOrderKilledAfterTheCompareAndSetLeavesTheOldVersionAndNoRefundRows() throws Exception {
    DataSource app = TestDatabase.get().fresh();
    JdbcOrderStore store = new JdbcOrderStore(app);
    Order order = FulfillmentTenantIsolationTest.Order0.of(A, "k-2");
    store.insertOrder(order);
    OrderEdit e = new OrderEdit(order);
    e.refunds.add(new Refund("rf-1", Money.of("5.00", "USD"), "late", T0));
    Order next = e.build(T0.plusSeconds(1));

    // The victim's UPDATE (version CAS) succeeds, then it blocks inserting the refund row.
    killWhileBlockedOn("order_refunds", () -> store.replaceOrder(next, order.version()));

    assertThat(store.findOrder(A, order.id())).contains(order);
    assertThat(count("order_refunds", "k-2")).isZero();

    assertThat(store.replaceOrder(next, order.version())).isTrue();
    assertThat(store.findOrder(A, order.id())).contains(next);
    assertThat(count("order_refunds", "k-2")).isEqualTo(1);
  }

  @Test
  void analyticsDayKilledAfterTheHealthRowLeavesNoPartOfTheDay() throws Exception {
    DataSource app = TestDatabase.get().fresh();
    JdbcAnalyticsSnapshotStore store = new JdbcAnalyticsSnapshotStore(app);
    LocalDate day = LocalDate.of(2026, 11, 2);
    InventoryHealth health = new InventoryHealth(A, day, Money.of("20.00", "USD"), 2, 0, 0, 0, 3,
        Money.of("30.00", "USD"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    List<ProductAnalytics> products = new ArrayList<>();
    for (String p : List.of("p1", "p2")) {
      products.add(new ProductAnalytics(A, ProductId.of(p), day, 1, 0, Money.of("10.00", "USD"),
          Money.of("6.00", "USD"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1,
          Money.of("4.00", "USD"), 10));
    }

    killWhileBlockedOn("product_analytics", () -> {
      store.saveDay(health, products);
      return Boolean.TRUE;
    });

    assertThat(store.inventoryHealth(A, day)).isEmpty();
    assertThat(store.productAnalytics(A, day)).isEmpty();
    store.saveDay(health, products);
    assertThat(store.inventoryHealth(A, day)).contains(health);
    assertThat(store.productAnalytics(A, day)).containsExactlyElementsOf(products);
  }

  /** Kills the victim's backend while it waits for an EXCLUSIVE lock on {@code table} (see {@link BackendKiller}). */
  private static void killWhileBlockedOn(String table, java.util.concurrent.Callable<?> victim) throws Exception {
    BackendKiller.killWhileWaiting("LOCK TABLE " + table + " IN EXCLUSIVE MODE", victim);
  }

  private static long count(String table, String orderId) throws SQLException {
    try (Connection c = TestDatabase.get().admin().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE order_id = ?")) {
      ps.setString(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

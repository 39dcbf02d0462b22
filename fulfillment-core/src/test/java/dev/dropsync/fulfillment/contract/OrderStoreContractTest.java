package dev.dropsync.fulfillment.contract;

import dev.dropsync.fulfillment.spi.OrderStore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.CommissionSplit;
import dev.dropsync.fulfillment.CommunicationRecord;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.EarningEntry;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.FulfillmentStatus;
import dev.dropsync.fulfillment.NotificationType;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderLine;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.ShipmentGroup;
import dev.dropsync.fulfillment.ShipmentLine;
import dev.dropsync.fulfillment.StatusChange;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.fulfillment.internal.OrderEdit;
import dev.dropsync.fulfillment.internal.SupplierOrderEdit;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link OrderStore} must meet. A host's JDBC store extends this class (from the
 * module's test-jar) and implements {@link #newStore()} returning an empty store.
 */
public abstract class OrderStoreContractTest {
  protected static final TenantId A = TenantId.of("tenant-a");
  protected static final TenantId B = TenantId.of("tenant-b");
  protected static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  /** A new, empty store. */
  protected abstract OrderStore newStore();

  protected static Order order(TenantId tenant, String id, Instant createdAt) {
    Address address = Address.builder().name("N").line1("L").city("C").zip("12345").country("US")
        .phone("+15555550100").build();
    return new Order(tenant, OrderId.of(id), List.of(new OrderLine(VariantId.of("v1"), 1, Money.of("9.99", "USD"))),
        java.util.Currency.getInstance("USD"), Money.of("0", "USD"), address, CustomerContact.of("N", "n@example.com"),
        OrderStatus.PENDING, null, FulfillmentStatus.UNFULFILLED, null, List.of(), false, false, null, List.of(),
        List.of(new StatusChange<>(null, OrderStatus.PENDING, createdAt, "system", "created")), createdAt, createdAt,
        null, null, 1);
  }

  protected static SupplierOrder supplierOrder(TenantId tenant, String orderId, int group) {
    ShipmentGroup g = new ShipmentGroup(group, "cj", ShipmentGroup.referenceOf(OrderId.of(orderId), group),
        List.of(new ShipmentLine(VariantId.of("v1"), "sv1", "SKU1", 1, Money.of("3.00", "USD"))),
        new FreightOption("CJPacket", Money.of("4.00", "USD"), 7, 12));
    return SupplierOrder.open(tenant, OrderId.of(orderId), g, T0);
  }

  @Test
  void insertOrderIsInsertIfAbsentAndScopedByTenant() {
    OrderStore s = newStore();
    Order a = order(A, "o1", T0);
    assertThat(s.insertOrder(a)).isTrue();
    assertThat(s.insertOrder(order(A, "o1", T0.plusSeconds(5)))).isFalse();
    assertThat(s.findOrder(A, OrderId.of("o1"))).contains(a);
    assertThat(s.findOrder(B, OrderId.of("o1"))).isEmpty();
    assertThat(s.insertOrder(order(B, "o1", T0))).isTrue();
    assertThat(s.findOrder(B, OrderId.of("o1")).map(Order::tenant)).contains(B);
  }

  @Test
  void replaceOrderIsCompareAndSetOnVersion() {
    OrderStore s = newStore();
    Order a = order(A, "o1", T0);
    s.insertOrder(a);
    OrderEdit e = new OrderEdit(a);
    e.move(OrderStatus.CONFIRMED, T0, "system", "test");
    Order v2 = e.build(T0);
    assertThat(s.replaceOrder(v2, 2)).isFalse();
    assertThat(s.replaceOrder(v2, 1)).isTrue();
    assertThat(s.replaceOrder(v2, 1)).isFalse();
    assertThat(s.findOrder(A, a.id())).contains(v2);
    assertThat(s.replaceOrder(order(B, "o1", T0), 1)).as("no such order for tenant B").isFalse();
  }

  @Test
  void concurrentCompareAndSetLetsExactlyOneWriterWinPerVersion() throws Exception {
    OrderStore s = newStore();
    s.insertOrder(order(A, "o1", T0));
    int threads = 8;
    AtomicInteger wins = new AtomicInteger();
    CyclicBarrier barrier = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(pool.submit(() -> {
          barrier.await(10, TimeUnit.SECONDS);
          for (int i = 0; i < 200; i++) {
            Order cur = s.findOrder(A, OrderId.of("o1")).orElseThrow();
            OrderEdit e = new OrderEdit(cur);
            e.reservationCommitted = !cur.reservationCommitted();
            if (s.replaceOrder(e.build(T0), cur.version())) {
              wins.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(s.findOrder(A, OrderId.of("o1")).orElseThrow().version()).isEqualTo(1 + wins.get());
  }

  @Test
  void listOrdersReturnsTheTenantsOrdersCreatedInTheHalfOpenWindow() {
    OrderStore s = newStore();
    s.insertOrder(order(A, "early", T0.minusSeconds(1)));
    s.insertOrder(order(A, "start", T0));
    s.insertOrder(order(A, "end", T0.plusSeconds(60)));
    s.insertOrder(order(B, "other", T0));
    assertThat(s.listOrders(A, T0, T0.plusSeconds(60))).extracting(o -> o.id().value()).containsExactly("start");
  }

  @Test
  void supplierOrderReferenceIsUniqueAndSecondInsertIsANoOp() {
    OrderStore s = newStore();
    SupplierOrder so = supplierOrder(A, "o1", 1);
    assertThat(s.insertSupplierOrder(so)).isTrue();
    assertThat(s.insertSupplierOrder(supplierOrder(A, "o1", 1))).isFalse();
    assertThat(s.insertSupplierOrder(supplierOrder(A, "o1", 2))).isTrue();
    assertThat(s.supplierOrdersOf(A, OrderId.of("o1"))).extracting(SupplierOrder::group).containsExactly(1, 2);
    assertThat(s.supplierOrdersOf(B, OrderId.of("o1"))).isEmpty();
    assertThat(s.findSupplierOrder(B, so.reference())).isEmpty();
    SupplierOrderEdit e = new SupplierOrderEdit(so);
    e.move(SupplierOrderStatus.SUBMITTING, T0, "system", "test");
    SupplierOrder v2 = e.build(T0);
    assertThat(s.replaceSupplierOrder(v2, 2)).isFalse();
    assertThat(s.replaceSupplierOrder(v2, 1)).isTrue();
    assertThat(s.findSupplierOrder(A, so.reference())).contains(v2);
  }

  @Test
  void supplierOrdersAreFoundBySupplierOrderIdOrTrackingNumberWithinTheTenantAndSupplier() {
    OrderStore s = newStore();
    SupplierOrder so = supplierOrder(A, "o1", 1);
    assertThat(s.insertSupplierOrder(so)).isTrue();
    assertThat(s.insertSupplierOrder(supplierOrder(A, "o2", 1))).isTrue();
    assertThat(s.findSupplierOrdersByExternalId(A, "cj", "CJ-1")).isEmpty();
    SupplierOrderEdit e = new SupplierOrderEdit(so);
    e.move(SupplierOrderStatus.SUBMITTING, T0, "system", "test");
    e.move(SupplierOrderStatus.SUBMITTED, T0, "system", "test");
    e.supplierOrderId = "CJ-1";
    SupplierOrder placed = e.build(T0);
    assertThat(s.replaceSupplierOrder(placed, 1)).isTrue();
    assertThat(s.findSupplierOrdersByExternalId(A, "cj", "CJ-1")).containsExactly(placed);
    assertThat(s.findSupplierOrdersByExternalId(A, "other-supplier", "CJ-1")).isEmpty();
    assertThat(s.findSupplierOrdersByExternalId(B, "cj", "CJ-1")).isEmpty();

    SupplierOrderEdit t = new SupplierOrderEdit(placed);
    t.tracking = new Tracking("TRK-9", "CJPacket", null);
    SupplierOrder tracked = t.build(T0);
    assertThat(s.replaceSupplierOrder(tracked, placed.version())).isTrue();
    assertThat(s.findSupplierOrdersByExternalId(A, "cj", "TRK-9")).containsExactly(tracked);
    assertThat(s.findSupplierOrdersByExternalId(A, "cj", "CJ-1")).containsExactly(tracked);
    assertThat(s.findSupplierOrdersByExternalId(B, "cj", "TRK-9")).isEmpty();
    assertThat(s.findSupplierOrdersByExternalId(A, "cj", "TRK-")).isEmpty();
  }

  @Test
  void earningsLedgerAppendsOncePerEntryIdAndListsByTime() {
    OrderStore s = newStore();
    CommissionSplit split = CommissionSplit.of(Money.of("10.01", "USD"), new BigDecimal("0.30"));
    EarningEntry e1 = new EarningEntry(A, "o1:sale", OrderId.of("o1"), EarningEntry.Kind.SALE, split, T0.plusSeconds(2));
    EarningEntry e2 = new EarningEntry(A, "o2:sale", OrderId.of("o2"), EarningEntry.Kind.SALE, split, T0.plusSeconds(1));
    assertThat(s.appendEarning(e1)).isTrue();
    assertThat(s.appendEarning(e1)).isFalse();
    assertThat(s.appendEarning(e2)).isTrue();
    assertThat(s.appendEarning(new EarningEntry(B, "o1:sale", OrderId.of("o1"), EarningEntry.Kind.SALE, split, T0))).isTrue();
    assertThat(s.earnings(A, T0, T0.plusSeconds(10))).containsExactly(e2, e1);
    assertThat(s.earnings(A, T0.plusSeconds(2), T0.plusSeconds(10))).containsExactly(e1);
    assertThat(s.findEarning(A, "o1:sale")).contains(e1);
    assertThat(s.findEarning(A, "nope")).isEmpty();
  }

  @Test
  void communicationLogIsUniquePerEventAndCompareAndSet() {
    OrderStore s = newStore();
    CommunicationRecord r = new CommunicationRecord(A, OrderId.of("o1"), "confirmed", NotificationType.CONFIRMED,
        CommunicationRecord.Status.SENDING, 1, null, T0, T0, 1);
    assertThat(s.insertCommunication(r)).isTrue();
    assertThat(s.insertCommunication(r)).isFalse();
    CommunicationRecord sent = new CommunicationRecord(A, OrderId.of("o1"), "confirmed", NotificationType.CONFIRMED,
        CommunicationRecord.Status.SENT, 1, null, T0, T0, 2);
    assertThat(s.replaceCommunication(sent, 2)).isFalse();
    assertThat(s.replaceCommunication(sent, 1)).isTrue();
    assertThat(s.findCommunication(A, OrderId.of("o1"), "confirmed")).contains(sent);
    assertThat(s.communications(A, OrderId.of("o1"))).containsExactly(sent);
    assertThat(s.communications(B, OrderId.of("o1"))).isEmpty();
  }
}

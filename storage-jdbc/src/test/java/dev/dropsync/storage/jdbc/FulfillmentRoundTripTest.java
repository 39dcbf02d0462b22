package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.fulfillment.FulfillmentMetrics;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.StatusChange;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.fulfillment.TrackingEvent;
import dev.dropsync.fulfillment.testing.Fixture;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records produced by a real engine run (every optional part filled: allocation, shipments,
 * commission, history, tracking events) read back from PostgreSQL equal to what was written,
 * nanosecond instants and money scales included.
 */
class FulfillmentRoundTripTest {

  @Test
  void processedOrderSupplierOrdersAndMetricsReadBackEqual() {
    Fixture f = new Fixture();
    f.clock.advance(Duration.ofNanos(123_456_789));
    OrderId id = f.engine.createOrder(Fixture.twoSupplierOrder(Fixture.TENANT, "rt-1").build()).id();
    Order processed = f.engine.processOrder(Fixture.TENANT, id);
    assertThat(processed.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(processed.allocated()).isNotNull();
    assertThat(processed.shipments()).hasSize(2);
    assertThat(processed.commission()).isNotNull();

    JdbcOrderStore store = new JdbcOrderStore(TestDatabase.get().fresh());
    assertThat(store.insertOrder(processed)).isTrue();
    assertThat(store.findOrder(Fixture.TENANT, id)).contains(processed);
    assertThat(store.listOrders(Fixture.TENANT, processed.createdAt(), processed.createdAt().plusNanos(1)))
        .containsExactly(processed);

    List<SupplierOrder> sos = f.engine.supplierOrders(Fixture.TENANT, id);
    SupplierOrder first = sos.get(0);
    SupplierOrder tracked = new SupplierOrder(first.tenant(), first.reference(), first.orderId(), first.group(),
        first.supplierId(), first.lines(), first.freight(), SupplierOrderStatus.SHIPPED, SupplierOrderStatus.SUBMITTED,
        "CJ-42", 1, false, Instant.parse("2026-11-02T10:00:00.000000001Z"), "timeout \"once\"\n",
        new Tracking("TN1", "DHL", "https://t.example/TN1?a=1&b=ü"),
        List.of(new TrackingEvent(Instant.parse("2026-11-03T01:02:03.5Z"), "Departed", null),
            new TrackingEvent(Instant.parse("2026-11-03T04:05:06Z"), "Arrived", "Leipzig")),
        Instant.parse("2026-11-03T04:05:06Z"), List.of("m1", "m2"),
        List.of(new StatusChange<>(null, SupplierOrderStatus.OPEN, Instant.EPOCH, "system", "planned"),
            new StatusChange<>(SupplierOrderStatus.SUBMITTED, SupplierOrderStatus.SHIPPED, Instant.EPOCH, "cj", "x")),
        7, first.createdAt(), first.updatedAt());
    for (SupplierOrder so : sos) {
      assertThat(store.insertSupplierOrder(so)).isTrue();
    }
    assertThat(store.supplierOrdersOf(Fixture.TENANT, id)).containsExactlyElementsOf(sos);
    assertThat(store.replaceSupplierOrder(tracked, first.version())).isTrue();
    assertThat(store.findSupplierOrder(Fixture.TENANT, first.reference())).contains(tracked);

    FulfillmentMetrics metrics = f.engine.snapshotDay(Fixture.TENANT, LocalDate.of(2026, 11, 2), ZoneId.of("UTC"));
    JdbcMetricsStore ms = new JdbcMetricsStore(TestDatabase.get().app());
    ms.save(metrics);
    assertThat(ms.find(Fixture.TENANT, metrics.day())).contains(metrics);
  }
}

package dev.dropsync.fulfillment.contract;

import dev.dropsync.fulfillment.spi.CancellationAnswer;
import dev.dropsync.fulfillment.spi.InMemorySupplierOrders;
import dev.dropsync.fulfillment.spi.SimulatedFailureException;
import dev.dropsync.fulfillment.spi.SupplierOrderRequest;
import dev.dropsync.fulfillment.spi.SupplierOrders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.ShipmentLine;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.fulfillment.testing.Fixture;
import dev.dropsync.inventory.testing.MutableClock;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemorySupplierOrdersTest extends SupplierOrdersContractTest {
  private final InMemorySupplierOrders fake = new InMemorySupplierOrders(new MutableClock(Instant.parse("2026-11-02T10:00:00Z")));

  @Override
  protected SupplierOrders newSupplierOrders() {
    return fake;
  }

  @Override
  protected SupplierOrderRequest request(String reference) {
    return new SupplierOrderRequest(TenantId.of("t"), "cj", reference, OrderId.of("o"),
        List.of(new ShipmentLine(VariantId.of("v1"), "sv1", "SKU1", 2, Money.of("3.00", "USD"))),
        new FreightOption("CJPacket", Money.of("4.00", "USD"), 7, 12), Fixture.address(),
        CustomerContact.of("A", "a@example.com"));
  }

  @Test
  void scriptedFailuresBehaveLikeARealSupplier() {
    fake.failNextPlacesBeforeCreate(1).failNextPlacesAfterCreate(1);
    assertThatThrownBy(() -> fake.place(request("f-1"))).isInstanceOf(SimulatedFailureException.class);
    assertThat(fake.placements(TenantId.of("t"), "cj", "f-1")).isZero();
    assertThatThrownBy(() -> fake.place(request("f-1"))).isInstanceOf(SimulatedFailureException.class);
    assertThat(fake.placements(TenantId.of("t"), "cj", "f-1")).isEqualTo(1);
    fake.place(request("f-1"));
    assertThat(fake.placements(TenantId.of("t"), "cj", "f-1")).as("a blind resend really duplicates").isEqualTo(2);
    fake.rejectNextPlaces(1, "bad address");
    assertThat(fake.place(request("f-2")).rejectionReason()).isEqualTo("bad address");
  }

  @Test
  void shippedOrdersRefuseCancellation() {
    fake.place(request("s-1"));
    fake.advance(TenantId.of("t"), "cj", "s-1", SupplierOrderStatus.SHIPPED, new Tracking("T", "USPS", null), null);
    assertThat(fake.cancel(TenantId.of("t"), "cj", "s-1").outcome()).isEqualTo(CancellationAnswer.Outcome.REFUSED);
    assertThat(fake.status(TenantId.of("t"), "cj", "s-1").tracking().trackingNumber()).isEqualTo("T");
  }
}

package dev.dropsync.fulfillment.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.ShipmentLine;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.fulfillment.contract.SupplierOrdersContractTest;
import dev.dropsync.fulfillment.testing.Fixture;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.testing.MutableClock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SupplierRoutingTest {
  private static final TenantId T = TenantId.of("t");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
  private final InMemorySupplierOrders cj = new InMemorySupplierOrders(clock);
  private final InMemorySupplierOrders warehouse = new InMemorySupplierOrders(clock);
  private final SupplierOrders routed = SupplierRouting.orders(Map.of("cj", cj, "local-wh", warehouse));

  private static FreightQuoteRequest freightRequest(String supplier) {
    return new FreightQuoteRequest(T, supplier, "US", "10001", List.of(new FreightItem("v1", 1)), Currency.getInstance("USD"));
  }

  static SupplierOrderRequest orderRequest(String supplier, String reference) {
    return new SupplierOrderRequest(T, supplier, reference, OrderId.of("o"),
        List.of(new ShipmentLine(VariantId.of("v1"), "sv1", "SKU1", 2, Money.of("3.00", "USD"))),
        new FreightOption("Post", Money.of("4.00", "USD"), 7, 12), Fixture.address(),
        CustomerContact.of("A", "a@example.com"));
  }

  /** The router over one supplier meets the SupplierOrders contract. */
  @Nested
  class Contract extends SupplierOrdersContractTest {
    @Override
    protected SupplierOrders newSupplierOrders() {
      return routed;
    }

    @Override
    protected SupplierOrderRequest request(String reference) {
      return orderRequest("local-wh", reference);
    }
  }

  @Test
  void eachOrderCallGoesToItsSuppliersImplementationOnly() {
    assertThat(routed.place(orderRequest("cj", "r-1")).isCreated()).isTrue();
    assertThat(routed.place(orderRequest("local-wh", "r-2")).isCreated()).isTrue();
    assertThat(cj.placements(T, "cj", "r-1")).isEqualTo(1);
    assertThat(warehouse.placements(T, "local-wh", "r-2")).isEqualTo(1);
    assertThat(cj.find(T, "cj", "r-2")).isEmpty();
    assertThat(warehouse.find(T, "local-wh", "r-1")).isEmpty();

    warehouse.advance(T, "local-wh", "r-2", SupplierOrderStatus.SHIPPED, new Tracking("LW-9", "Courier", null), null);
    assertThat(routed.status(T, "local-wh", "r-2").status()).isEqualTo(SupplierOrderStatus.SHIPPED);
    assertThat(routed.status(T, "cj", "r-1").status()).isNotEqualTo(SupplierOrderStatus.SHIPPED);
    assertThat(routed.cancel(T, "cj", "r-1").outcome()).isEqualTo(CancellationAnswer.Outcome.ACCEPTED);
    assertThat(routed.find(T, "local-wh", "r-2").orElseThrow().status()).isEqualTo(SupplierOrderStatus.SHIPPED);
  }

  @Test
  void eachQuoteGoesToItsSuppliersImplementation() {
    FreightQuotes a = new InMemoryFreightQuotes(List.of(new FreightOption("A Post", Money.of("1.00", "USD"), 1, 2)));
    FreightQuotes b = new InMemoryFreightQuotes(List.of(new FreightOption("B Post", Money.of("2.00", "USD"), 3, 4)));
    FreightQuotes quotes = SupplierRouting.freight(Map.of("a", a, "b", b));

    assertThat(quotes.quote(freightRequest("a"))).extracting(FreightOption::carrier).containsExactly("A Post");
    assertThat(quotes.quote(freightRequest("b"))).extracting(FreightOption::carrier).containsExactly("B Post");
  }

  @Test
  void anUnknownSupplierIsRefusedNamingItAndReachesNoSupplier() {
    FreightQuotes quotes = SupplierRouting.freight(Map.of());
    assertThatThrownBy(() -> quotes.quote(freightRequest("zz"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("supplierId").hasMessageContaining("zz");
    assertThatThrownBy(() -> routed.place(orderRequest("zz", "r-9"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("zz").hasMessageContaining("cj").hasMessageContaining("local-wh");
    assertThat(cj.placements(T, "zz", "r-9")).isZero();
    assertThatThrownBy(() -> routed.find(T, "zz", "r-1")).isInstanceOf(InvalidInputException.class);
  }
}

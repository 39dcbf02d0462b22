package dev.dropsync.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.spi.FreightItem;
import dev.dropsync.fulfillment.spi.FreightQuoteRequest;
import dev.dropsync.fulfillment.spi.FreightQuotes;
import dev.dropsync.fulfillment.spi.InMemoryFreightQuotes;
import dev.dropsync.fulfillment.spi.SupplierOrders;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupplierRoutingTest {
  private static final TenantId T = TenantId.of("t");

  private static FreightQuoteRequest request(String supplier) {
    return new FreightQuoteRequest(T, supplier, "US", "10001", List.of(new FreightItem("v1", 1)), Currency.getInstance("USD"));
  }

  @Test
  void eachCallGoesToItsSuppliersImplementation() {
    FreightQuotes a = new InMemoryFreightQuotes(List.of(new FreightOption("A Post", Money.of("1.00", "USD"), 1, 2)));
    FreightQuotes b = new InMemoryFreightQuotes(List.of(new FreightOption("B Post", Money.of("2.00", "USD"), 3, 4)));
    FreightQuotes routed = SupplierRouting.freight(Map.of("a", a, "b", b));

    assertThat(routed.quote(request("a"))).extracting(FreightOption::carrier).containsExactly("A Post");
    assertThat(routed.quote(request("b"))).extracting(FreightOption::carrier).containsExactly("B Post");
  }

  @Test
  void anUnknownSupplierIsRefusedNamingIt() {
    FreightQuotes routed = SupplierRouting.freight(Map.of());
    assertThatThrownBy(() -> routed.quote(request("zz"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("supplierId").hasMessageContaining("zz");
    SupplierOrders orders = SupplierRouting.orders(Map.of());
    assertThatThrownBy(() -> orders.find(T, "zz", "r-1")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("zz");
  }
}

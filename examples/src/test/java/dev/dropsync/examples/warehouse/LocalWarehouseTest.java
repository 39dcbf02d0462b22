package dev.dropsync.examples.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.testkit.SimClock;
import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.spi.CancellationAnswer;
import dev.dropsync.fulfillment.spi.FreightItem;
import dev.dropsync.fulfillment.spi.FreightQuoteRequest;
import dev.dropsync.fulfillment.spi.PlacementResult;
import dev.dropsync.fulfillment.spi.SupplierOrderSnapshot;
import dev.dropsync.inventory.CurrencyMismatchException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.spi.SupplierProduct;
import java.io.StringReader;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalWarehouseTest {
  private final SimClock clock = Warehouses.clock();
  private final LocalWarehouse w = Warehouses.bundled(clock);

  @Test
  void readsProductsAndVariantsFromTheCsv() {
    assertThat(w.productIds()).containsExactly("LW-1001", "LW-1002", "LW-1003", "LW-1004");
    SupplierProduct lamp = w.product("LW-1001").orElseThrow();
    assertThat(lamp.title()).isEqualTo("Oak desk lamp");
    assertThat(lamp.categoryPath()).containsExactly("Home", "Lighting");
    assertThat(lamp.variants()).extracting(v -> v.supplierVariantId() + "=" + v.stock() + "@" + v.cost())
        .containsExactly("LW-1001-BLK=25@12.40 USD", "LW-1001-WHT=8@12.40 USD");
    assertThat(w.productIdFromUrl("https://warehouse.example.com/products/LW-1002?ref=x")).contains("LW-1002");
    assertThat(w.search(new dev.dropsync.inventory.spi.SupplierQuery("planter", 1, 10)).items())
        .extracting(SupplierProduct::supplierProductId).containsExactly("LW-1003");
  }

  @Test
  void aBadStockListIsRefusedNamingTheLineAndValue() {
    String header = "product_id,title,category,variant_id,sku,cost,currency,stock\n";
    assertThatThrownBy(() -> LocalWarehouse.fromCsv("w", new StringReader("sku,stock\n"), clock))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("header (line 1)");
    assertThatThrownBy(() -> LocalWarehouse.fromCsv("w", new StringReader(header + "P1,Lamp,Home,V1,S1,12.40,USD,many\n"), clock))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("stock (line 2)").hasMessageContaining("many");
    assertThatThrownBy(() -> LocalWarehouse.fromCsv("w", new StringReader(header + "P1,Lamp,Home,V1,S1,12.40,USD\n"), clock))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2").hasMessageContaining("8 comma-separated");
    assertThatThrownBy(() -> LocalWarehouse.fromCsv("w", new StringReader(header
            + "P1,Lamp,Home,V1,S1,12.40,USD,3\nP2,Mug,Home,V1,S2,2.00,USD,3\n"), clock))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("variant_id").hasMessageContaining("V1");
    assertThatThrownBy(() -> LocalWarehouse.fromCsv("w", new StringReader(header
            + "P1,Lamp,Home,V1,S1,12.40,USD,3\nP1,Lamp,Home,V2,S2,2.00,EUR,3\n"), clock))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("currency (line 3)");
    assertThatThrownBy(() -> LocalWarehouse.fromCsv("w", new StringReader(header), clock))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one variant");
  }

  @Test
  void anOrderTakesTheStockShipsAfterHandlingAndIsDeliveredByTheCarriersDays() {
    PlacementResult r = w.place(Warehouses.order("o1-2", "LW-1003-L", 2, "Local Ground", Warehouses.us()));
    assertThat(r.isCreated()).isTrue();
    assertThat(w.stock("LW-1003-L")).isEqualTo(1);
    assertThat(w.place(Warehouses.order("o1-2", "LW-1003-L", 2, "Local Ground", Warehouses.us())).supplierOrderId())
        .as("the same reference is the same order").isEqualTo(r.supplierOrderId());
    assertThat(w.stock("LW-1003-L")).isEqualTo(1);

    SupplierOrderSnapshot accepted = w.status(Warehouses.T, "local-wh", "o1-2");
    assertThat(accepted.status()).isEqualTo(SupplierOrderStatus.ACCEPTED);
    clock.advance(Duration.ofDays(1));
    SupplierOrderSnapshot shipped = w.status(Warehouses.T, "local-wh", "o1-2");
    assertThat(shipped.status()).isEqualTo(SupplierOrderStatus.SHIPPED);
    assertThat(shipped.tracking().trackingNumber()).startsWith("LW");
    assertThat(shipped.tracking().carrier()).isEqualTo("Local Ground");
    assertThat(shipped.asOf()).isAfter(accepted.asOf());
    assertThat(w.cancel(Warehouses.T, "local-wh", "o1-2").outcome()).isEqualTo(CancellationAnswer.Outcome.REFUSED);
    clock.advance(Duration.ofDays(5));
    assertThat(w.status(Warehouses.T, "local-wh", "o1-2").status()).isEqualTo(SupplierOrderStatus.DELIVERED);
  }

  @Test
  void ordersItCannotFillAreRejectedWithTheReasonAndTakeNothing() {
    assertThat(w.place(Warehouses.order("r1", "LW-1003-L", 4, "Local Ground", Warehouses.us())).rejectionReason())
        .contains("4 ordered, 3 in stock");
    assertThat(w.place(Warehouses.order("r2", "NOPE", 1, "Local Ground", Warehouses.us())).rejectionReason())
        .contains("unknown variant");
    assertThat(w.place(Warehouses.order("r3", "LW-1003-L", 1, "DHL", Warehouses.us())).rejectionReason())
        .contains("carrier \"DHL\"");
    Address paris = Address.builder().name("Marie Curie").line1("1 Rue Pierre").city("Paris").zip("75005").country("FR")
        .phone("+33 1 00 00 00 00").build();
    assertThat(w.place(Warehouses.order("r4", "LW-1003-L", 1, "Local Ground", paris)).rejectionReason())
        .contains("ships within US only");
    assertThat(w.stock("LW-1003-L")).isEqualTo(3);
    assertThat(w.orderCount(Warehouses.T)).isZero();
  }

  @Test
  void cancellingBeforeShippingPutsTheStockBack() {
    w.place(Warehouses.order("c1", "LW-1004-NAT", 10, "Local Courier", Warehouses.us()));
    assertThat(w.stock("LW-1004-NAT")).isEqualTo(110);
    assertThat(w.cancel(Warehouses.T, "local-wh", "c1").outcome()).isEqualTo(CancellationAnswer.Outcome.ACCEPTED);
    assertThat(w.stock("LW-1004-NAT")).isEqualTo(120);
    assertThat(w.status(Warehouses.T, "local-wh", "c1").status()).isEqualTo(SupplierOrderStatus.CANCELLED);
    assertThatThrownBy(() -> w.status(Warehouses.T, "local-wh", "never")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("never");
  }

  @Test
  void quotesItsCarriersDomesticallyByUnitsAndNothingAbroad() {
    List<FreightOption> q = w.quote(new FreightQuoteRequest(Warehouses.T, "local-wh", "US", null,
        List.of(new FreightItem("LW-1001-BLK", 3)), Currency.getInstance("USD")));
    assertThat(q).extracting(o -> o.carrier() + " " + o.price()).containsExactly("Local Courier 8.90 USD", "Local Ground 4.90 USD");
    assertThat(w.quote(new FreightQuoteRequest(Warehouses.T, "local-wh", "FR", null,
        List.of(new FreightItem("LW-1001-BLK", 1)), Currency.getInstance("USD")))).isEmpty();
    assertThatThrownBy(() -> w.quote(new FreightQuoteRequest(Warehouses.T, "local-wh", "US", null,
        List.of(new FreightItem("LW-1001-BLK", 1)), Currency.getInstance("EUR")))).isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> w.quote(new FreightQuoteRequest(Warehouses.T, "cj", "US", null,
        List.of(new FreightItem("LW-1001-BLK", 1)), Currency.getInstance("USD")))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("supplierId");
  }

  @Test
  void stockAndCostChangesShowInTheOffers() {
    w.setStock("LW-1002-SND", 7);
    w.setCost("LW-1002-SND", Money.of("4.50", "USD"));
    assertThat(w.offers("LW-1002", List.of("LW-1002-SND", "LW-1001-BLK"))).containsOnlyKeys("LW-1002-SND")
        .hasEntrySatisfying("LW-1002-SND", o -> {
          assertThat(o.stock()).isEqualTo(7);
          assertThat(o.cost()).isEqualTo(Money.of("4.50", "USD"));
        });
    assertThatThrownBy(() -> w.setStock("nope", 1)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> w.setCost("LW-1002-SND", Money.of("1.00", "EUR"))).isInstanceOf(CurrencyMismatchException.class);
  }
}

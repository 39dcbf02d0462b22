package dev.dropsync.cj.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.CjNotFoundException;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.RecordedCall;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.spi.FreightItem;
import dev.dropsync.fulfillment.spi.FreightQuoteRequest;
import dev.dropsync.inventory.CurrencyMismatchException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CjFreightQuotesTest {
  private final OrderSupport o = new OrderSupport();
  private final CjFreightQuotes freight = o.supplier().build().freightQuotes();

  @AfterEach
  void stop() {
    o.close();
  }

  private FreightQuoteRequest to(TenantId tenant, String country, List<FreightItem> items, String currency) {
    return new FreightQuoteRequest(tenant, "cj", country, "10001", items, Currency.getInstance(currency));
  }

  private FreightQuoteRequest us(long quantity) {
    return to(OrderSupport.T, "US", List.of(new FreightItem(o.vid, quantity)), "USD");
  }

  @Test
  void quotesCjOptionsWithExactLogisticNamesUsdPricesAndDayRanges() {
    List<FreightOption> options = freight.quote(us(2));
    assertThat(options).extracting(FreightOption::carrier).contains("CJPacket Ordinary", "USPS+");
    assertThat(options).allSatisfy(f -> {
      assertThat(f.price().currency()).isEqualTo(CjSupplier.USD);
      assertThat(f.price().isNegative()).isFalse();
      assertThat(f.minDays()).isPositive();
      assertThat(f.maxDays()).isGreaterThanOrEqualTo(f.minDays());
    });
    List<RecordedCall> calls = o.s.sim.recorder().calls(Endpoint.FREIGHT_CALCULATE);
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).body()).contains("\"startCountryCode\":\"CN\"", "\"endCountryCode\":\"US\"",
        "\"zip\":\"10001\"", "\"vid\":\"" + o.vid + "\"", "\"quantity\":2");
  }

  @Test
  void heavierParcelsCostMoreAndTheRouteDecidesTheOptions() {
    FreightOption one = freight.quote(us(1)).get(0);
    FreightOption ten = freight.quote(us(10)).get(0);
    assertThat(ten.carrier()).isEqualTo(one.carrier());
    assertThat(ten.price()).isGreaterThan(one.price());
    List<FreightOption> de = freight.quote(to(OrderSupport.T, "DE", List.of(new FreightItem(o.vid, 1)), "USD"));
    assertThat(de).isNotEmpty().extracting(FreightOption::carrier).doesNotContain("USPS+");
  }

  @Test
  void placedOrdersUseTheQuotedOrigin() {
    CjSupplier fromUs = o.supplier().shipFrom("US").build();
    fromUs.freightQuotes().quote(us(1));
    assertThat(o.s.sim.recorder().calls(Endpoint.FREIGHT_CALCULATE).get(0).body()).contains("\"startCountryCode\":\"US\"");
  }

  @Test
  void aDestinationCjCannotServeHasNoOptions() {
    assertThat(freight.quote(to(OrderSupport.T, "USA", List.of(new FreightItem(o.vid, 1)), "USD"))).isEmpty();
  }

  @Test
  void aNonUsdCurrencyIsRefusedNamingTheCurrencyWithoutCallingCj() {
    assertThatThrownBy(() -> freight.quote(to(OrderSupport.T, "US", List.of(new FreightItem(o.vid, 1)), "EUR")))
        .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
          assertThat(e.field()).isEqualTo("currency");
          assertThat(e.value()).isEqualTo("EUR");
        });
    assertThat(o.s.sim.recorder().count(Endpoint.FREIGHT_CALCULATE)).isZero();
  }

  @Test
  void badItemsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> freight.quote(to(OrderSupport.T, "US", List.of(), "USD")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("items");
    assertThatThrownBy(() -> freight.quote(us(0))).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.field()).isEqualTo("items[0].quantity"));
    assertThatThrownBy(() -> freight.quote(new FreightQuoteRequest(OrderSupport.T, "aliexpress", "US", null,
        List.of(new FreightItem(o.vid, 1)), CjSupplier.USD))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("supplierId");
  }

  @Test
  void anOffShelfVariantIsATypedCjError() {
    o.s.sim.catalog().takeOffline(o.s.sim.catalog().productIdOf(o.vid));
    assertThatThrownBy(() -> freight.quote(us(1))).isInstanceOf(CjNotFoundException.class).hasMessageContaining("1602001");
  }

  @Test
  void quotesGoThroughTheTenantsOwnAccount() {
    freight.quote(to(OrderSupport.OTHER, "US", List.of(new FreightItem(o.vid, 1)), "USD"));
    assertThat(o.s.sim.recorder().calls(Endpoint.FREIGHT_CALCULATE)).extracting(RecordedCall::openId)
        .containsExactly(SimSupport.SECOND_OPEN_ID);
  }
}

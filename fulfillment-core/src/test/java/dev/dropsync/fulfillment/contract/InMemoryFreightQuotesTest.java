package dev.dropsync.fulfillment.contract;

import dev.dropsync.fulfillment.spi.FreightItem;
import dev.dropsync.fulfillment.spi.FreightQuoteRequest;
import dev.dropsync.fulfillment.spi.FreightQuotes;
import dev.dropsync.fulfillment.spi.InMemoryFreightQuotes;
import dev.dropsync.fulfillment.spi.SimulatedFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryFreightQuotesTest extends FreightQuotesContractTest {
  private static final FreightOption CHEAP = new FreightOption("CJPacket", Money.of("4.00", "USD"), 7, 12);
  private static final FreightOption DE = new FreightOption("DHL", Money.of("9.00", "USD"), 3, 5);

  @Override
  protected FreightQuotes newFreightQuotes() {
    return new InMemoryFreightQuotes(List.of(CHEAP)).options("cj", "DE", List.of(DE));
  }

  @Override
  protected FreightQuoteRequest quotableRequest() {
    return new FreightQuoteRequest(TenantId.of("t"), "cj", "US", "10001", List.of(new FreightItem("sv1", 1)),
        Currency.getInstance("USD"));
  }

  @Test
  void perCountryOptionsOverrideDefaultsAndFailuresAreScripted() {
    InMemoryFreightQuotes q = (InMemoryFreightQuotes) newFreightQuotes();
    FreightQuoteRequest de = new FreightQuoteRequest(TenantId.of("t"), "cj", "DE", "10115", List.of(), Currency.getInstance("USD"));
    assertThat(q.quote(de)).containsExactly(DE);
    assertThat(q.quote(quotableRequest())).containsExactly(CHEAP);
    q.failNextQuotes(1);
    assertThatThrownBy(() -> q.quote(de)).isInstanceOf(SimulatedFailureException.class);
    assertThat(q.quote(de)).containsExactly(DE);
  }
}

package dev.dropsync.fulfillment.contract;

import dev.dropsync.fulfillment.spi.FreightQuoteRequest;
import dev.dropsync.fulfillment.spi.FreightQuotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.fulfillment.FreightOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link FreightQuotes} must meet. Implement {@link #newFreightQuotes()} and
 * {@link #quotableRequest()} (a request the service can quote).
 */
public abstract class FreightQuotesContractTest {
  protected abstract FreightQuotes newFreightQuotes();

  protected abstract FreightQuoteRequest quotableRequest();

  @Test
  void quotesValidOptionsInTheRequestedCurrency() {
    FreightQuoteRequest r = quotableRequest();
    List<FreightOption> options = newFreightQuotes().quote(r);
    assertThat(options).isNotEmpty();
    assertThat(options).allSatisfy(o -> {
      assertThat(o.price().isNegative()).isFalse();
      assertThat(o.maxDays()).isGreaterThanOrEqualTo(o.minDays());
    });
    assertThat(options).anySatisfy(o -> assertThat(o.price().currency()).isEqualTo(r.currency()));
  }

  @Test
  void quotingIsRepeatable() {
    FreightQuotes q = newFreightQuotes();
    assertThat(q.quote(quotableRequest())).isEqualTo(q.quote(quotableRequest()));
  }
}

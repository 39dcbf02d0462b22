package dev.dropsync.cj.supplier;

import dev.dropsync.fulfillment.contract.FreightQuotesContractTest;
import dev.dropsync.fulfillment.spi.FreightItem;
import dev.dropsync.fulfillment.spi.FreightQuoteRequest;
import dev.dropsync.fulfillment.spi.FreightQuotes;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** fulfillment-core's FreightQuotes contract against CJ's freight calculation (simulator). */
class CjFreightQuotesContractTest extends FreightQuotesContractTest {
  private final OrderSupport o = new OrderSupport();

  @AfterEach
  void stop() {
    o.close();
  }

  @Override
  protected FreightQuotes newFreightQuotes() {
    return o.supplier().build().freightQuotes();
  }

  @Override
  protected FreightQuoteRequest quotableRequest() {
    return new FreightQuoteRequest(OrderSupport.T, "cj", "US", "10001", List.of(new FreightItem(o.vid, 2)), CjSupplier.USD);
  }
}

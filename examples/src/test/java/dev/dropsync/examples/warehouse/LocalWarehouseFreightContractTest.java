package dev.dropsync.examples.warehouse;

import dev.dropsync.examples.SecondSupplierExample;
import dev.dropsync.fulfillment.contract.FreightQuotesContractTest;
import dev.dropsync.fulfillment.spi.FreightItem;
import dev.dropsync.fulfillment.spi.FreightQuoteRequest;
import dev.dropsync.fulfillment.spi.FreightQuotes;
import java.util.Currency;
import java.util.List;

/** fulfillment-core's contract for every {@code FreightQuotes}, run against the local warehouse. */
class LocalWarehouseFreightContractTest extends FreightQuotesContractTest {
  @Override
  protected FreightQuotes newFreightQuotes() {
    return Warehouses.bundled(Warehouses.clock());
  }

  @Override
  protected FreightQuoteRequest quotableRequest() {
    return new FreightQuoteRequest(Warehouses.T, SecondSupplierExample.WAREHOUSE, "US", "62701",
        List.of(new FreightItem("LW-1001-BLK", 2), new FreightItem("LW-1004-NAT", 1)), Currency.getInstance("USD"));
  }
}

package dev.dropsync.fulfillment.contract;

import dev.dropsync.fulfillment.spi.InMemoryMetricsStore;
import dev.dropsync.fulfillment.spi.MetricsStore;

class InMemoryMetricsStoreTest extends MetricsStoreContractTest {
  @Override
  protected MetricsStore newStore() {
    return new InMemoryMetricsStore();
  }
}

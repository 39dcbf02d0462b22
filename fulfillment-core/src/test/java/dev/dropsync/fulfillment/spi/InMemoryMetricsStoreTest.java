package dev.dropsync.fulfillment.spi;

class InMemoryMetricsStoreTest extends MetricsStoreContractTest {
  @Override
  protected MetricsStore newStore() {
    return new InMemoryMetricsStore();
  }
}

package dev.dropsync.automation.spi;

/** The in-memory alert store meets the contract. */
class InMemoryStockAlertStoreTest extends StockAlertStoreContractTest {
  @Override
  protected StockAlertStore newStore() {
    return new InMemoryStockAlertStore();
  }
}

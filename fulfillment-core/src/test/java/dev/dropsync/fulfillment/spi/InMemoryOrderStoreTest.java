package dev.dropsync.fulfillment.spi;

class InMemoryOrderStoreTest extends OrderStoreContractTest {
  @Override
  protected OrderStore newStore() {
    return new InMemoryOrderStore();
  }
}

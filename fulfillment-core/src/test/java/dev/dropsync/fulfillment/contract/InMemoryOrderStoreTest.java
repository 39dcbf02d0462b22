package dev.dropsync.fulfillment.contract;

import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.OrderStore;

class InMemoryOrderStoreTest extends OrderStoreContractTest {
  @Override
  protected OrderStore newStore() {
    return new InMemoryOrderStore();
  }
}

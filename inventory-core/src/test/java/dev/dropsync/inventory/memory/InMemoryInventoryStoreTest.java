package dev.dropsync.inventory.memory;

import dev.dropsync.inventory.spi.InventoryStore;
import dev.dropsync.inventory.spi.InventoryStoreContractTest;

class InMemoryInventoryStoreTest extends InventoryStoreContractTest {
  @Override
  protected InventoryStore newStore() {
    return new InMemoryInventoryStore();
  }
}

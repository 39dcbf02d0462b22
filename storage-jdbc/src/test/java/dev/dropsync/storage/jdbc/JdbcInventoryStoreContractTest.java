package dev.dropsync.storage.jdbc;

import dev.dropsync.inventory.spi.InventoryStore;
import dev.dropsync.inventory.spi.InventoryStoreContractTest;

/** Runs inventory-core's contract suite against {@link JdbcInventoryStore} on a real PostgreSQL (row-level security on). */
class JdbcInventoryStoreContractTest extends InventoryStoreContractTest {
  @Override
  protected InventoryStore newStore() {
    return new JdbcInventoryStore(TestDatabase.get().fresh());
  }
}

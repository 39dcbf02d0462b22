package dev.dropsync.storage.jdbc;

import dev.dropsync.fulfillment.contract.OrderStoreContractTest;
import dev.dropsync.fulfillment.spi.OrderStore;

/** Runs the SPI's contract suite against {@link JdbcOrderStore} on a real PostgreSQL (row-level security on). */
class JdbcOrderStoreContractTest extends OrderStoreContractTest {
  @Override
  protected OrderStore newStore() {
    return new JdbcOrderStore(TestDatabase.get().fresh());
  }
}

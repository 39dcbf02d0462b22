package dev.dropsync.storage.jdbc;

import dev.dropsync.automation.spi.CiphertextStore;
import dev.dropsync.automation.spi.CiphertextStoreContractTest;

/** Runs the SPI's contract suite against {@link JdbcCiphertextStore} on a real PostgreSQL (row-level security on). */
class JdbcCiphertextStoreContractTest extends CiphertextStoreContractTest {
  @Override
  protected CiphertextStore newStore() {
    return new JdbcCiphertextStore(TestDatabase.get().fresh());
  }
}

package dev.dropsync.storage.jdbc;

import dev.dropsync.automation.spi.StockAlertStore;
import dev.dropsync.automation.spi.StockAlertStoreContractTest;

/** Runs the SPI's contract suite against {@link JdbcStockAlertStore} on a real PostgreSQL (row-level security on). */
class JdbcStockAlertStoreContractTest extends StockAlertStoreContractTest {
  @Override
  protected StockAlertStore newStore() {
    return new JdbcStockAlertStore(TestDatabase.get().fresh());
  }
}

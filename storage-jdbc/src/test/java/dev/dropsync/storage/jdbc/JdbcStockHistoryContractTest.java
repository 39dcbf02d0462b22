package dev.dropsync.storage.jdbc;

import dev.dropsync.inventory.analytics.spi.StockHistoryContractTest;
import dev.dropsync.inventory.analytics.spi.StockHistory;

/** Runs the SPI's contract suite against {@link JdbcStockHistory} on a real PostgreSQL (row-level security on). */
class JdbcStockHistoryContractTest extends StockHistoryContractTest {
  @Override
  protected StockHistory newHistory() {
    return new JdbcStockHistory(TestDatabase.get().fresh());
  }
}

package dev.dropsync.storage.jdbc;

import dev.dropsync.inventory.analytics.spi.SalesLedgerContractTest;
import dev.dropsync.inventory.analytics.spi.SalesLedger;

/** Runs the SPI's contract suite against {@link JdbcSalesLedger} on a real PostgreSQL (row-level security on). */
class JdbcSalesLedgerContractTest extends SalesLedgerContractTest {
  @Override
  protected SalesLedger newLedger() {
    return new JdbcSalesLedger(TestDatabase.get().fresh());
  }
}

package dev.dropsync.storage.jdbc;

import dev.dropsync.fulfillment.contract.MetricsStoreContractTest;
import dev.dropsync.fulfillment.spi.MetricsStore;

/** Runs the SPI's contract suite against {@link JdbcMetricsStore} on a real PostgreSQL (row-level security on). */
class JdbcMetricsStoreContractTest extends MetricsStoreContractTest {
  @Override
  protected MetricsStore newStore() {
    return new JdbcMetricsStore(TestDatabase.get().fresh());
  }
}

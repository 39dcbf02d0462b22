package dev.dropsync.storage.jdbc;

import dev.dropsync.inventory.analytics.spi.AnalyticsSnapshotStoreContractTest;
import dev.dropsync.inventory.analytics.spi.AnalyticsSnapshotStore;

/** Runs the SPI's contract suite against {@link JdbcAnalyticsSnapshotStore} on a real PostgreSQL (row-level security on). */
class JdbcAnalyticsSnapshotStoreContractTest extends AnalyticsSnapshotStoreContractTest {
  @Override
  protected AnalyticsSnapshotStore newStore() {
    return new JdbcAnalyticsSnapshotStore(TestDatabase.get().fresh());
  }
}

package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.analytics.spi.AnalyticsSnapshotStore;
import dev.dropsync.inventory.analytics.spi.AnalyticsSnapshotStoreContractTest;
import dev.dropsync.inventory.analytics.spi.SalesLedger;
import dev.dropsync.inventory.analytics.spi.SalesLedgerContractTest;
import dev.dropsync.inventory.analytics.spi.StockHistory;
import dev.dropsync.inventory.analytics.spi.StockHistoryContractTest;
import org.junit.jupiter.api.Nested;

/** Runs the SPI contract suites against the in-memory reference implementations. */
class InMemoryStoresContractTest {

  @Nested
  class SalesLedgerContract extends SalesLedgerContractTest {
    @Override
    protected SalesLedger newLedger() {
      return new InMemorySalesLedger();
    }
  }

  @Nested
  class StockHistoryContract extends StockHistoryContractTest {
    @Override
    protected StockHistory newHistory() {
      return new InMemoryStockHistory();
    }
  }

  @Nested
  class SnapshotStoreContract extends AnalyticsSnapshotStoreContractTest {
    @Override
    protected AnalyticsSnapshotStore newStore() {
      return new InMemoryAnalyticsSnapshotStore();
    }
  }
}

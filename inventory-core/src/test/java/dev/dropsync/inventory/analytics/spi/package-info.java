/**
 * Abstract SPI contract tests, published in the module's test-jar: extend {@link
 * dev.dropsync.inventory.analytics.spi.SalesLedgerContractTest}, {@link
 * dev.dropsync.inventory.analytics.spi.StockHistoryContractTest} or {@link
 * dev.dropsync.inventory.analytics.spi.AnalyticsSnapshotStoreContractTest} and return a fresh, empty
 * store from the factory method.
 */
@NullMarked
package dev.dropsync.inventory.analytics.spi;

import org.jspecify.annotations.NullMarked;

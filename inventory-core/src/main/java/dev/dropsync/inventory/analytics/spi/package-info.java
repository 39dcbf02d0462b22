/**
 * What a host implements to persist analytics: the {@link
 * dev.dropsync.inventory.analytics.spi.SalesLedger} of sales and returns, the {@link
 * dev.dropsync.inventory.analytics.spi.StockHistory} of daily closing stock, the {@link
 * dev.dropsync.inventory.analytics.spi.AnalyticsSnapshotStore} of daily snapshots, and the {@link
 * dev.dropsync.inventory.analytics.spi.TenantSettingsSource} giving each tenant's zone and currency.
 * Thread-safe in-memory reference implementations live in {@code dev.dropsync.inventory.analytics};
 * abstract contract tests ship in the module's test-jar.
 */
@NullMarked
package dev.dropsync.inventory.analytics.spi;

import org.jspecify.annotations.NullMarked;

/**
 * Sales analytics, inventory KPIs and daily snapshots for the inventory engine.
 *
 * <p>Sales and returns are recorded in a {@link dev.dropsync.inventory.analytics.spi.SalesLedger};
 * the engine feeds one {@link dev.dropsync.inventory.analytics.StockObservation} per variant and day
 * into a {@link dev.dropsync.inventory.analytics.spi.StockHistory}. {@link
 * dev.dropsync.inventory.analytics.InventoryAnalytics} computes KPIs over {@code [from, to)} in the
 * tenant's zone from those stored events, and {@link dev.dropsync.inventory.analytics.DailySnapshotter}
 * persists one {@link dev.dropsync.inventory.analytics.ProductAnalytics} per product and one {@link
 * dev.dropsync.inventory.analytics.InventoryHealth} per tenant and day in an {@link
 * dev.dropsync.inventory.analytics.spi.AnalyticsSnapshotStore}. A ratio whose denominator is zero is an
 * empty {@link java.util.Optional}, never NaN. Reorder forecasting lives in {@code
 * dev.dropsync.inventory.analytics.forecast}.
 *
 * <pre>{@code
 * InMemorySalesLedger ledger = new InMemorySalesLedger();
 * InMemoryStockHistory stock = new InMemoryStockHistory();
 * InventoryAnalytics analytics = InventoryAnalytics.builder()
 *     .salesLedger(ledger).stockHistory(stock)
 *     .tenantSettings(TenantSettingsSource.fixed(new TenantSettings(ZoneId.of("Europe/Paris"), eur)))
 *     .build();
 * ProductKpis kpis = analytics.product(tenant, productId, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
 * }</pre>
 */
@NullMarked
package dev.dropsync.inventory.analytics;

import org.jspecify.annotations.NullMarked;

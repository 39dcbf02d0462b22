/**
 * Demand forecasting and reorder suggestions: sales velocity over 7/30/90-day windows (excluding
 * out-of-stock and inactive days), simple and damped-trend exponential smoothing, weekly and yearly
 * seasonal indices (ratio to a centred moving average), Croston and SBA for intermittent demand
 * chosen by the Syntetos–Boylan–Croston ADI/CV² classification, reorder points with safety stock at a
 * service level, and a rolling-origin {@link dev.dropsync.inventory.analytics.forecast.Backtest}
 * scored with MAE and MASE.
 *
 * <pre>{@code
 * DemandHistory history = analytics.demandHistory(tenant, product, variant, from, today);
 * ReorderPlanner planner = ReorderPlanner.builder()
 *     .policy(ReorderPolicy.builder().leadTime(Duration.ofDays(14)).serviceLevel(0.95).build())
 *     .build();
 * ReorderSuggestion s = planner.suggest(new ReorderRequest(tenant, product, variant, history, onHand, onOrder));
 * }</pre>
 *
 * <p>Forecasting math runs in {@code double}; quantities exposed to users are whole units rounded up.
 */
@NullMarked
package dev.dropsync.inventory.analytics.forecast;

import org.jspecify.annotations.NullMarked;

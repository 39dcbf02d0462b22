package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * KPIs of a tenant's whole inventory over the days {@code [from, to)} of the tenant's zone, computed
 * by {@link InventoryAnalytics#inventory}. Amounts are in the tenant's currency; ratios are rounded
 * {@link java.math.RoundingMode#HALF_EVEN} to {@value InventoryAnalytics#RATIO_SCALE} decimals; a
 * ratio whose denominator is zero is empty. Immutable.
 *
 * <p>Product counts use each variant's last observation in the period. A product is
 * <em>inactive</em> if all its variants are {@link StockState#INACTIVE}; otherwise it is
 * <em>out of stock</em> if its non-inactive variants hold 0 units or are all {@link
 * StockState#OUT_OF_STOCK}; otherwise it is <em>active</em>, and also <em>low</em> if any active
 * variant's on-hand is at or below its positive low-stock threshold.
 *
 * @param tenant the tenant
 * @param from first day (inclusive)
 * @param to last day (exclusive)
 * @param days number of days
 * @param unitsSold units sold in the period
 * @param unitsReturned units returned in the period
 * @param revenue gross revenue
 * @param cogs cost of goods sold
 * @param stockValue closing stock value at cost
 * @param activeProducts products active at the close (including low ones)
 * @param lowStockProducts active products at or below their low-stock threshold
 * @param outOfStockProducts products out of stock at the close
 * @param inactiveProducts products switched off at the close
 * @param averageStock mean of the daily closing on-hand totals; empty without observations
 * @param averageInventoryValue mean of the daily closing values at cost; empty without observations
 * @param turnover {@code cogs ÷ averageInventoryValue}; empty if the average is zero or unknown
 * @param daysOfInventory {@code days ÷ turnover}; empty if turnover is zero or empty
 * @param sellThrough {@code unitsSold ÷ (unitsSold + closing on-hand)}; empty without observations or
 *     a zero denominator
 * @since 0.1.0
 */
public record InventoryKpis(
    TenantId tenant,
    LocalDate from,
    LocalDate to,
    int days,
    long unitsSold,
    long unitsReturned,
    Money revenue,
    Money cogs,
    Money stockValue,
    int activeProducts,
    int lowStockProducts,
    int outOfStockProducts,
    int inactiveProducts,
    Optional<BigDecimal> averageStock,
    Optional<Money> averageInventoryValue,
    Optional<BigDecimal> turnover,
    Optional<BigDecimal> daysOfInventory,
    Optional<BigDecimal> sellThrough) {}

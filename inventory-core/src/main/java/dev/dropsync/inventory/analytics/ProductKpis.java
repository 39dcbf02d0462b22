package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * KPIs of one product over the days {@code [from, to)} of the tenant's zone, computed by {@link
 * InventoryAnalytics#product}. Amounts are in the tenant's currency at its scale; ratios are {@link
 * BigDecimal} rounded {@link java.math.RoundingMode#HALF_EVEN} to {@value
 * InventoryAnalytics#RATIO_SCALE} decimals; a ratio whose denominator is zero is empty. Immutable.
 *
 * @param tenant the tenant
 * @param product the product
 * @param from first day (inclusive)
 * @param to last day (exclusive)
 * @param days number of days in the period
 * @param sellableDays days on which the product could be sold: days with an observation where at
 *     least one variant was {@linkplain StockObservation#sellable() sellable}, plus days without any
 *     observation (unknown counts as sellable)
 * @param unitsSold units sold in the period (returns not subtracted)
 * @param unitsReturned units whose return was received in the period
 * @param revenue gross revenue of the period's sales, {@code Σ unitPrice × quantity}
 * @param cogs cost of goods sold of the period's sales, {@code Σ unitCost × quantity}
 * @param profit gross profit, {@code revenue − cogs}
 * @param margin {@code profit ÷ revenue}; empty without revenue
 * @param returnRate {@code unitsReturned ÷ unitsSold}; empty without sales
 * @param velocity units sold per sellable day, {@code unitsSold ÷ sellableDays}; empty if no day was
 *     sellable
 * @param averageStock mean of the daily closing on-hand totals (days with observations); empty
 *     without observations
 * @param averageInventoryValue mean of the daily closing values at cost; empty without observations
 * @param turnover inventory turnover of the period, {@code cogs ÷ averageInventoryValue}; empty if
 *     the average value is zero or unknown
 * @param daysOfInventory {@code days ÷ turnover}; empty if turnover is zero or empty
 * @param sellThrough {@code unitsSold ÷ (unitsSold + closingStock)}; empty without observations or
 *     if the denominator is zero
 * @param closingStock on-hand units at each variant's last observation in the period (0 without)
 * @param stockValue closing value at cost at each variant's last observation (zero without)
 * @since 0.1.0
 */
public record ProductKpis(
    TenantId tenant,
    ProductId product,
    LocalDate from,
    LocalDate to,
    int days,
    int sellableDays,
    long unitsSold,
    long unitsReturned,
    Money revenue,
    Money cogs,
    Money profit,
    Optional<BigDecimal> margin,
    Optional<BigDecimal> returnRate,
    Optional<BigDecimal> velocity,
    Optional<BigDecimal> averageStock,
    Optional<Money> averageInventoryValue,
    Optional<BigDecimal> turnover,
    Optional<BigDecimal> daysOfInventory,
    Optional<BigDecimal> sellThrough,
    long closingStock,
    Money stockValue) {}

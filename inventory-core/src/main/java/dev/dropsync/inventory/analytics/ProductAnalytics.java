package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.internal.Check;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The persisted daily snapshot of one product, written by {@link DailySnapshotter}. Day figures
 * (units, revenue, profit, returns) cover the single day {@code date}; trailing figures (velocity,
 * turnover, days of inventory, score) cover the snapshotter's window of days ending with {@code date}
 * (default 30). Key: {@code (tenant, date, product)}. Immutable.
 *
 * @param tenant the tenant
 * @param product the product
 * @param date the day (tenant zone)
 * @param unitsSold units sold on the day
 * @param unitsReturned units returned on the day
 * @param revenue revenue of the day
 * @param profit gross profit of the day
 * @param returnRate trailing {@code unitsReturned ÷ unitsSold}; empty without sales in the window
 * @param velocity trailing units per sellable day; empty if no day was sellable
 * @param turnover trailing inventory turnover; empty if unknown
 * @param daysOfInventory trailing days of inventory; empty if unknown
 * @param closingStock on-hand units at each variant's last observation up to and including {@code
 *     date} within the window
 * @param stockValue value at cost of that closing stock
 * @param score the trailing {@link PerformanceScore}, 0–100
 * @since 0.1.0
 */
public record ProductAnalytics(
    TenantId tenant,
    ProductId product,
    LocalDate date,
    long unitsSold,
    long unitsReturned,
    Money revenue,
    Money profit,
    Optional<BigDecimal> returnRate,
    Optional<BigDecimal> velocity,
    Optional<BigDecimal> turnover,
    Optional<BigDecimal> daysOfInventory,
    long closingStock,
    Money stockValue,
    int score) {

  /** Validates. @throws dev.dropsync.inventory.InvalidInputException on a null or out-of-range value */
  public ProductAnalytics {
    Check.notNull(tenant, "tenant");
    Check.notNull(product, "product");
    Check.notNull(date, "date");
    Check.nonNegative(unitsSold, "unitsSold");
    Check.nonNegative(unitsReturned, "unitsReturned");
    Check.notNull(revenue, "revenue");
    Check.notNull(profit, "profit");
    Check.notNull(returnRate, "returnRate");
    Check.notNull(velocity, "velocity");
    Check.notNull(turnover, "turnover");
    Check.notNull(daysOfInventory, "daysOfInventory");
    Check.nonNegative(closingStock, "closingStock");
    Check.notNull(stockValue, "stockValue");
    if (score < 0 || score > 100) {
      throw new dev.dropsync.inventory.InvalidInputException("score", score, "must be in [0, 100]");
    }
  }
}

package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.internal.Check;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The persisted daily health snapshot of a tenant's inventory, written by {@link DailySnapshotter}.
 * Stock value and product counts use each variant's last observation up to and including {@code
 * date} (within the snapshotter's window); units and revenue cover the
 * day; average stock, turnover, days of inventory and sell-through cover the snapshotter's trailing
 * window ending with {@code date}. Key: {@code (tenant, date)}. Immutable.
 *
 * @param tenant the tenant
 * @param date the day (tenant zone)
 * @param stockValue closing stock value at cost
 * @param activeProducts products active at the close (including low ones)
 * @param lowStockProducts active products at or below their low-stock threshold
 * @param outOfStockProducts products out of stock at the close
 * @param inactiveProducts products switched off at the close
 * @param unitsSold units sold on the day
 * @param revenue revenue of the day
 * @param averageStock trailing mean daily closing on-hand; empty without observations
 * @param turnover trailing inventory turnover; empty if unknown
 * @param daysOfInventory trailing days of inventory; empty if unknown
 * @param sellThrough trailing sell-through; empty if unknown
 * @since 0.1.0
 */
public record InventoryHealth(
    TenantId tenant,
    LocalDate date,
    Money stockValue,
    int activeProducts,
    int lowStockProducts,
    int outOfStockProducts,
    int inactiveProducts,
    long unitsSold,
    Money revenue,
    Optional<BigDecimal> averageStock,
    Optional<BigDecimal> turnover,
    Optional<BigDecimal> daysOfInventory,
    Optional<BigDecimal> sellThrough) {

  /** Validates. @throws dev.dropsync.inventory.InvalidInputException on a null or negative value */
  public InventoryHealth {
    Check.notNull(tenant, "tenant");
    Check.notNull(date, "date");
    Check.notNull(stockValue, "stockValue");
    Check.nonNegative(activeProducts, "activeProducts");
    Check.nonNegative(lowStockProducts, "lowStockProducts");
    Check.nonNegative(outOfStockProducts, "outOfStockProducts");
    Check.nonNegative(inactiveProducts, "inactiveProducts");
    Check.nonNegative(unitsSold, "unitsSold");
    Check.notNull(revenue, "revenue");
    Check.notNull(averageStock, "averageStock");
    Check.notNull(turnover, "turnover");
    Check.notNull(daysOfInventory, "daysOfInventory");
    Check.notNull(sellThrough, "sellThrough");
  }
}

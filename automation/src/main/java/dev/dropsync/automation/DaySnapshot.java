package dev.dropsync.automation;

import dev.dropsync.fulfillment.FulfillmentMetrics;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.DailySnapshot;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one {@code analytics_snapshot} run stored for a tenant's day.
 *
 * @param tenant the tenant
 * @param day the day, in the tenant's zone
 * @param zone the tenant's zone
 * @param inventory the {@code InventoryHealth} and {@code ProductAnalytics} rows saved, or null when
 *     no {@code DailySnapshotter} is configured
 * @param fulfillment the fulfilment metrics saved
 * @param stockObservations closing stock observations recorded for the day (0 without a {@code
 *     StockHistory}, or when the run was not on the following day)
 * @since 0.1.0
 */
public record DaySnapshot(
    TenantId tenant,
    LocalDate day,
    ZoneId zone,
    @Nullable DailySnapshot inventory,
    FulfillmentMetrics fulfillment,
    int stockObservations) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a required component is null
   *
   * @param tenant see the record component
   * @param day see the record component
   * @param zone see the record component
   * @param inventory see the record component
   * @param fulfillment see the record component
   * @param stockObservations see the record component
   */
  public DaySnapshot {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(fulfillment, "fulfillment");
  }
}

package dev.dropsync.fulfillment;

import dev.dropsync.inventory.TenantId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A daily snapshot of {@link FulfillmentKpis} for one tenant: the KPIs of {@code day} in {@code
 * zone} (from its start of day to the next), stored in a {@link
 * dev.dropsync.fulfillment.spi.MetricsStore} by {@link FulfillmentEngine#snapshotDay}.
 *
 * @param tenant the tenant
 * @param day the calendar day
 * @param zone the tenant's zone
 * @param kpis the KPIs of the day
 * @since 0.1.0
 */
public record FulfillmentMetrics(TenantId tenant, LocalDate day, ZoneId zone, FulfillmentKpis kpis) {
  /** Checks for nulls. */
  public FulfillmentMetrics {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(kpis, "kpis");
  }
}

package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.analytics.internal.Check;
import java.time.ZoneId;
import java.util.Currency;

/**
 * A tenant's reporting settings: the zone whose calendar days KPIs are computed in, and the currency
 * all amounts are reported in. Sales or stock in another currency make a KPI call throw {@link
 * dev.dropsync.inventory.CurrencyMismatchException}.
 *
 * @param zone the tenant's time zone
 * @param currency the tenant's reporting currency
 * @since 0.1.0
 */
public record TenantSettings(ZoneId zone, Currency currency) {
  /** Validates. @throws dev.dropsync.inventory.InvalidInputException if a component is null */
  public TenantSettings {
    Check.notNull(zone, "zone");
    Check.notNull(currency, "currency");
  }
}

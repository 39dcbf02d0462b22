package dev.dropsync.inventory.analytics.spi;

import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.TenantSettings;
import dev.dropsync.inventory.analytics.internal.Check;

/**
 * Looks up a tenant's zone and reporting currency. Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TenantSettingsSource {
  /**
   * The settings of {@code tenant}.
   *
   * @throws dev.dropsync.inventory.NotFoundException if the tenant is unknown
   */
  TenantSettings settingsFor(TenantId tenant);

  /**
   * The same settings for every tenant (single-tenant hosts and tests).
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code settings} is null
   */
  static TenantSettingsSource fixed(TenantSettings settings) {
    Check.notNull(settings, "settings");
    return tenant -> settings;
  }
}

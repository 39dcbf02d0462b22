package dev.dropsync.automation.spi;

import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state behind "one alert per crossing": at most one <em>open</em> {@link StockAlert} per
 * {@code (tenant, variant, kind)}, plus whether the sink has accepted it. Every call is scoped by
 * {@link TenantId}. Each method is one atomic operation; implementations are thread-safe. A SQL
 * mapping: a table keyed by {@code (tenant_id, alert_id)} with a partial unique index {@code
 * (tenant_id, variant_id, kind) WHERE closed_at IS NULL}, so {@link #open} is an {@code INSERT ...
 * ON CONFLICT DO NOTHING}.
 *
 * <p>Contract: {@code dev.dropsync.automation.spi.StockAlertStoreContractTest} in the test-jar.
 *
 * @since 0.1.0
 */
public interface StockAlertStore {

  /**
   * Stores {@code alert} (open, undelivered) unless the tenant already has an open alert of the
   * same variant and kind.
   *
   * @param alert the new alert
   * @return true if stored (a new crossing); false (nothing changed) if one is already open
   * @since 0.1.0
   */
  boolean open(StockAlert alert);

  /**
   * Finds the open alert of a variant and kind.
   *
   * @param tenant the tenant
   * @param variant the variant
   * @param kind the kind
   * @return the open alert, if any
   * @since 0.1.0
   */
  Optional<StockAlert> findOpen(TenantId tenant, VariantId variant, StockAlertKind kind);

  /**
   * Closes the open alert of a variant and kind (the stock recovered), which re-arms it.
   *
   * @param tenant the tenant
   * @param variant the variant
   * @param kind the kind
   * @param at when it was closed
   * @return true if an open alert was closed
   * @since 0.1.0
   */
  boolean close(TenantId tenant, VariantId variant, StockAlertKind kind, Instant at);

  /**
   * Records that the sink accepted an alert.
   *
   * @param tenant the tenant
   * @param alertId the alert
   * @param at when
   * @return true if this call marked it; false if absent or already delivered
   * @since 0.1.0
   */
  boolean markDelivered(TenantId tenant, String alertId, Instant at);

  /**
   * Lists the tenant's open alerts, ordered by {@code (openedAt, alertId)}.
   *
   * @param tenant the tenant
   * @return the open alerts, delivered or not
   * @since 0.1.0
   */
  List<StockAlert> openAlerts(TenantId tenant);

  /**
   * Lists the tenant's alerts opened in {@code [from, to)}, open or closed, ordered by {@code
   * (openedAt, alertId)}.
   *
   * @param tenant the tenant
   * @param from inclusive lower bound
   * @param to exclusive upper bound
   * @return the alerts
   * @throws dev.dropsync.inventory.InvalidInputException if {@code to} is before {@code from}
   * @since 0.1.0
   */
  List<StockAlert> history(TenantId tenant, Instant from, Instant to);
}

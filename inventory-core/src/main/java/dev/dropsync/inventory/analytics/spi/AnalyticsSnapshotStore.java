package dev.dropsync.inventory.analytics.spi;

import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.InventoryHealth;
import dev.dropsync.inventory.analytics.ProductAnalytics;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Persists daily analytics snapshots. Every call is scoped by a tenant.
 *
 * <p>Contract (checked by the abstract {@code AnalyticsSnapshotStoreContractTest} in the test-jar):
 * saving is an upsert, idempotent per {@code (tenant, date, product)} for {@link ProductAnalytics}
 * and per {@code (tenant, date)} for {@link InventoryHealth}, so re-running a day's snapshot replaces
 * it rather than duplicating it; {@link #saveDay} is atomic (all of the day's rows or none); reads
 * never see another tenant's rows; implementations are thread-safe.
 *
 * @since 0.1.0
 */
public interface AnalyticsSnapshotStore {

  /**
   * Atomically stores one day's snapshots of one tenant: the health row and every product row,
   * replacing the rows with the same keys.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if a product row's tenant or date differs
   *     from {@code health}'s
   */
  void saveDay(InventoryHealth health, List<ProductAnalytics> products);

  /** Stores (upserts) one product row. */
  void save(ProductAnalytics snapshot);

  /** The tenant's health row of {@code date}, if stored. */
  Optional<InventoryHealth> inventoryHealth(TenantId tenant, LocalDate date);

  /** The tenant's product rows of {@code date}, ordered by product id. */
  List<ProductAnalytics> productAnalytics(TenantId tenant, LocalDate date);

  /** One product's row of {@code date}, if stored. */
  Optional<ProductAnalytics> productAnalytics(TenantId tenant, LocalDate date, ProductId product);

  /**
   * One product's rows with {@code from <= date < to}, ordered by date.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code from >= to}
   */
  List<ProductAnalytics> productHistory(TenantId tenant, ProductId product, LocalDate from, LocalDate to);
}

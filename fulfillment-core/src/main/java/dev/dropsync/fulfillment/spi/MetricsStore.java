package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.FulfillmentMetrics;
import dev.dropsync.inventory.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Stores daily {@link FulfillmentMetrics} snapshots, one per {@code (tenant, day)}; saving a day
 * again replaces it (snapshots are recomputed from stored events). Thread-safe. Contract: {@code
 * MetricsStoreContractTest}.
 *
 * @since 0.1.0
 */
public interface MetricsStore {
  /** Saves (or replaces) the snapshot of {@code metrics.day()}. */
  void save(FulfillmentMetrics metrics);

  /** The snapshot of {@code day}, if saved. */
  Optional<FulfillmentMetrics> find(TenantId tenant, LocalDate day);

  /** Snapshots with {@code from <= day < to}, oldest first. */
  List<FulfillmentMetrics> list(TenantId tenant, LocalDate from, LocalDate to);
}

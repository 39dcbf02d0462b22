package dev.dropsync.inventory.analytics;

import java.util.List;

/**
 * One tenant's snapshots of one day, as computed and stored by {@link DailySnapshotter}.
 *
 * @param health the inventory health row
 * @param products one row per product with a sale, return or stock observation in the trailing
 *     window, ordered by product id (immutable)
 * @since 0.1.0
 */
public record DailySnapshot(InventoryHealth health, List<ProductAnalytics> products) {
  /** Copies the list. */
  public DailySnapshot {
    products = List.copyOf(products);
  }
}

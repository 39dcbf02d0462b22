package dev.dropsync.cj.model;

import java.util.List;
import java.util.Map;

/**
 * Inventory of a product from {@code stock/getInventoryByPid}.
 *
 * @param inventories product-level stock per area
 * @param byVariant per-variant inventory keyed by vid (insertion order kept)
 * @since 0.1.0
 */
public record ProductInventory(List<StockLevel> inventories, Map<String, List<VariantInventory>> byVariant) {
  /**
   * Copies collections immutably.
   *
   * @param inventories see the record component
   * @param byVariant see the record component
   */
  public ProductInventory {
    inventories = List.copyOf(inventories);
    byVariant = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byVariant));
  }
}

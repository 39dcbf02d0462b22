package dev.dropsync.inventory;

import java.util.List;

/**
 * The per-item results of a bulk import, in input order.
 *
 * @param items one result per input item
 * @since 0.1.0
 */
public record BulkImportResult(List<ImportResult> items) {
  /** Copies the items. */
  public BulkImportResult {
    items = List.copyOf(items);
  }

  /** How many items had {@code outcome}. */
  public long count(ImportOutcome outcome) {
    return items.stream().filter(i -> i.outcome() == outcome).count();
  }
}

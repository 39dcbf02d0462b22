package dev.dropsync.cj.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a paged CJ listing.
 *
 * @param items the items of this page (immutable)
 * @param pageNumber 1-based page number
 * @param pageSize requested page size
 * @param total total number of items across pages, or {@code null} when CJ did not say
 * @param <T> item type
 * @since 0.1.0
 */
public record Page<T>(List<T> items, int pageNumber, int pageSize, @Nullable Long total) {
  /**
   * Copies the items immutably.
   *
   * @param items see the record component
   * @param pageNumber see the record component
   * @param pageSize see the record component
   * @param total see the record component
   */
  public Page {
    items = List.copyOf(items);
  }

  /**
   * Whether a further page may exist.
   *
   * @return {@code false} when this page is empty, short, or reaches {@code total}
   * @since 0.1.0
   */
  public boolean hasNext() {
    if (items.isEmpty()) {
      return false;
    }
    if (total != null) {
      return (long) pageNumber * pageSize < total;
    }
    return items.size() >= pageSize;
  }
}

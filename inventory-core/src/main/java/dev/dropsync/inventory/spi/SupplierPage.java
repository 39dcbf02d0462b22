package dev.dropsync.inventory.spi;

import java.util.List;

/**
 * One page of supplier products.
 *
 * @param items the products on this page
 * @param page the 1-based page number
 * @param pageSize the requested page size
 * @param total the total number of matching products
 * @since 0.1.0
 */
public record SupplierPage(List<SupplierProduct> items, int page, int pageSize, long total) {
  /** Copies the items. */
  public SupplierPage {
    items = List.copyOf(items);
  }

  /** True if a later page exists. */
  public boolean hasNext() {
    return (long) page * pageSize < total;
  }
}

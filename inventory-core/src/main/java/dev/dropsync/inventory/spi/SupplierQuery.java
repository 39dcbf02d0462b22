package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.InvalidInputException;
import java.util.Objects;

/**
 * A page request against a supplier's catalog.
 *
 * @param keyword words to match in the title; {@code ""} lists everything
 * @param page the 1-based page number
 * @param pageSize items per page, 1 to 200
 * @since 0.1.0
 */
public record SupplierQuery(String keyword, int page, int pageSize) {
  /** Validates. @throws InvalidInputException on a page below 1 or a size outside 1–200 */
  public SupplierQuery {
    Objects.requireNonNull(keyword, "keyword");
    if (page < 1) {
      throw new InvalidInputException("page", page, "must be >= 1");
    }
    if (pageSize < 1 || pageSize > 200) {
      throw new InvalidInputException("pageSize", pageSize, "must be in 1..200");
    }
  }

  /** Everything, page {@code page} of {@code pageSize}. */
  public static SupplierQuery all(int page, int pageSize) {
    return new SupplierQuery("", page, pageSize);
  }
}

package dev.dropsync.cj.model;

import dev.dropsync.cj.CjInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Search and paging for {@code GET /product/listV2} (page ≤ 1000, size ≤ 100, CJ caps results at
 * 6000: split a full walk by category or price band).
 *
 * @param keyWord search text, or {@code null}
 * @param page 1-based page, 1..1000
 * @param size items per page, 1..100
 * @param categoryId category filter, or {@code null}
 * @param countryCode warehouse country filter, or {@code null}
 * @param orderBy sort field as CJ names it, or {@code null}
 * @param sort {@code asc} or {@code desc}, or {@code null}
 * @param features CJ feature flags, or {@code null}
 * @since 0.1.0
 */
public record ProductListV2Request(
    @Nullable String keyWord,
    int page,
    int size,
    @Nullable String categoryId,
    @Nullable String countryCode,
    @Nullable String orderBy,
    @Nullable String sort,
    @Nullable String features) {
  /**
   * Validates paging.
   *
   * @throws CjInvalidRequestException when {@code page} or {@code size} is out of range
   *
   * @param keyWord see the record component
   * @param page see the record component
   * @param size see the record component
   * @param categoryId see the record component
   * @param countryCode see the record component
   * @param orderBy see the record component
   * @param sort see the record component
   * @param features see the record component
   */
  public ProductListV2Request {
    if (page < 1 || page > 1000) {
      throw CjInvalidRequestException.of("GET /product/listV2", "page", page, "page must be in 1..1000 but was " + page);
    }
    if (size < 1 || size > 100) {
      throw CjInvalidRequestException.of("GET /product/listV2", "size", size, "size must be in 1..100 but was " + size);
    }
  }

  /**
   * A keyword search, first page of 10.
   *
   * @param keyWord search text
   * @return the request
   * @since 0.1.0
   */
  public static ProductListV2Request keyword(String keyWord) {
    return new ProductListV2Request(keyWord, 1, 10, null, null, null, null, null);
  }
}

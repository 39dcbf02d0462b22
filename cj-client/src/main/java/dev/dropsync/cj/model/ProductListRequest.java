package dev.dropsync.cj.model;

import dev.dropsync.cj.CjInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Filter and paging for {@code GET /product/list}.
 *
 * @param pageNum 1-based page number (default 1)
 * @param pageSize items per page, 1..200 (default 20)
 * @param categoryId category filter, or {@code null}
 * @param pid product id filter, or {@code null}
 * @param productSku SKU filter, or {@code null}
 * @param productNameEn English name filter, or {@code null}
 * @param countryCode warehouse country filter (ISO 3166 alpha-2), or {@code null}
 * @since 0.1.0
 */
public record ProductListRequest(
    int pageNum,
    int pageSize,
    @Nullable String categoryId,
    @Nullable String pid,
    @Nullable String productSku,
    @Nullable String productNameEn,
    @Nullable String countryCode) {
  /**
   * Validates paging.
   *
   * @throws CjInvalidRequestException when {@code pageNum < 1} or {@code pageSize} is outside 1..200
   *
   * @param pageNum see the record component
   * @param pageSize see the record component
   * @param categoryId see the record component
   * @param pid see the record component
   * @param productSku see the record component
   * @param productNameEn see the record component
   * @param countryCode see the record component
   */
  public ProductListRequest {
    if (pageNum < 1) {
      throw CjInvalidRequestException.of("GET /product/list", "pageNum", pageNum, "pageNum must be >= 1 but was " + pageNum);
    }
    if (pageSize < 1 || pageSize > 200) {
      throw CjInvalidRequestException.of("GET /product/list", "pageSize", pageSize, "pageSize must be in 1..200 but was " + pageSize);
    }
  }

  /**
   * Page 1 of 20 items, no filter.
   *
   * @return the default request
   * @since 0.1.0
   */
  public static ProductListRequest firstPage() {
    return new ProductListRequest(1, 20, null, null, null, null, null);
  }

  /**
   * The same filter on another page.
   *
   * @param page 1-based page number
   * @return a copy with {@code pageNum = page}
   * @since 0.1.0
   */
  public ProductListRequest withPageNum(int page) {
    return new ProductListRequest(page, pageSize, categoryId, pid, productSku, productNameEn, countryCode);
  }

  /**
   * The same filter with another page size.
   *
   * @param size items per page, 1..200
   * @return a copy with {@code pageSize = size}
   * @since 0.1.0
   */
  public ProductListRequest withPageSize(int size) {
    return new ProductListRequest(pageNum, size, categoryId, pid, productSku, productNameEn, countryCode);
  }

  /**
   * The same paging restricted to a category.
   *
   * @param category category id
   * @return a copy with the category filter
   * @since 0.1.0
   */
  public ProductListRequest withCategoryId(String category) {
    return new ProductListRequest(pageNum, pageSize, category, pid, productSku, productNameEn, countryCode);
  }
}

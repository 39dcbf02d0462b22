package dev.dropsync.cj;

import dev.dropsync.cj.internal.Endpoint;
import dev.dropsync.cj.internal.HttpCore;
import dev.dropsync.cj.internal.Mappers;
import dev.dropsync.cj.internal.Query;
import dev.dropsync.cj.model.Page;
import dev.dropsync.cj.model.Product;
import dev.dropsync.cj.model.ProductDetail;
import dev.dropsync.cj.model.ProductListRequest;
import dev.dropsync.cj.model.ProductListV2Request;
import dev.dropsync.cj.model.Variant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Product catalogue endpoints. Obtain from {@link CjClient#products()}. Thread-safe. Sync methods
 * block the caller; {@code ...Async} methods never block a thread while waiting. All methods throw
 * {@link CjException} subclasses (async: complete exceptionally with them).
 *
 * @since 0.1.0
 */
public final class ProductService {
  static final Endpoint LIST = Endpoint.get("/product/list");
  static final Endpoint LIST_V2 = Endpoint.get("/product/listV2");
  static final Endpoint QUERY = Endpoint.get("/product/query");
  static final Endpoint VARIANT_QUERY = Endpoint.get("/product/variant/query");
  static final Endpoint VARIANT_BY_VID = Endpoint.get("/product/variant/queryByVid");

  private final HttpCore core;

  ProductService(HttpCore core) {
    this.core = core;
  }

  /**
   * {@code GET /product/list} (50 points): one page of products.
   *
   * @param request filter and paging
   * @return the page
   * @since 0.1.0
   */
  public Page<Product> list(ProductListRequest request) {
    return list(request, RequestOptions.none());
  }

  /**
   * {@code GET /product/list} with per-call options.
   *
   * @param request filter and paging
   * @param options per-call options
   * @return the page
   * @since 0.1.0
   */
  public Page<Product> list(ProductListRequest request, RequestOptions options) {
    return HttpCore.await(listAsync(request, options), LIST.name());
  }

  /**
   * Async {@code GET /product/list}.
   *
   * @param request filter and paging
   * @return the page
   * @since 0.1.0
   */
  public CompletableFuture<Page<Product>> listAsync(ProductListRequest request) {
    return listAsync(request, RequestOptions.none());
  }

  /**
   * Async {@code GET /product/list} with per-call options.
   *
   * @param request filter and paging
   * @param options per-call options
   * @return the page
   * @since 0.1.0
   */
  public CompletableFuture<Page<Product>> listAsync(ProductListRequest request, RequestOptions options) {
    Query q = Query.of()
        .add("pageNum", request.pageNum())
        .add("pageSize", request.pageSize())
        .add("categoryId", request.categoryId())
        .add("pid", request.pid())
        .add("productSku", request.productSku())
        .add("productNameEn", request.productNameEn())
        .add("countryCode", request.countryCode());
    return core.call(LIST, q.build(), null, options, Mappers::productPage);
  }

  /**
   * Every product matching a filter, across pages, fetched lazily starting at {@code
   * filter.pageNum()}. Use {@code filter.withPageSize(200)} to save points.
   *
   * @param filter filter, first page and page size
   * @return a lazy iterable
   * @since 0.1.0
   */
  public PagedIterable<Product> listAll(ProductListRequest filter) {
    return listAll(filter, RequestOptions.none());
  }

  /**
   * {@link #listAll(ProductListRequest)} with options applied to every page request.
   *
   * @param filter filter, first page and page size
   * @param options per-call options for each page
   * @return a lazy iterable
   * @since 0.1.0
   */
  public PagedIterable<Product> listAll(ProductListRequest filter, RequestOptions options) {
    return new PagedIterable<>(filter.pageNum(), page -> list(filter.withPageNum(page), options));
  }

  /**
   * {@code GET /product/listV2} (50 points): keyword search; listV2's renamed fields map to the same
   * {@link Product} record.
   *
   * @param request search and paging
   * @return the page ({@code total} is CJ's capped {@code totalRecords})
   * @since 0.1.0
   */
  public Page<Product> listV2(ProductListV2Request request) {
    return listV2(request, RequestOptions.none());
  }

  /**
   * {@code GET /product/listV2} with options.
   *
   * @param request search and paging
   * @param options per-call options
   * @return the page
   * @since 0.1.0
   */
  public Page<Product> listV2(ProductListV2Request request, RequestOptions options) {
    return HttpCore.await(listV2Async(request, options), LIST_V2.name());
  }

  /**
   * Async {@code GET /product/listV2}.
   *
   * @param request search and paging
   * @param options per-call options
   * @return the page
   * @since 0.1.0
   */
  public CompletableFuture<Page<Product>> listV2Async(ProductListV2Request request, RequestOptions options) {
    Query q = Query.of()
        .add("keyWord", request.keyWord())
        .add("page", request.page())
        .add("size", request.size())
        .add("categoryId", request.categoryId())
        .add("countryCode", request.countryCode())
        .add("orderBy", request.orderBy())
        .add("sort", request.sort())
        .add("features", request.features());
    return core.call(LIST_V2, q.build(), null, options, Mappers::productPageV2);
  }

  /**
   * Async {@code GET /product/listV2}.
   *
   * @param request search and paging
   * @return the page
   * @since 0.1.0
   */
  public CompletableFuture<Page<Product>> listV2Async(ProductListV2Request request) {
    return listV2Async(request, RequestOptions.none());
  }

  /**
   * {@code GET /product/query?pid=..&features=enable_inventory} (10 points): product with variants
   * and inventory.
   *
   * @param pid product id
   * @return the product
   * @throws CjNotFoundException when CJ does not know the product
   * @since 0.1.0
   */
  public ProductDetail getByPid(String pid) {
    return HttpCore.await(getByPidAsync(pid, RequestOptions.none()), QUERY.name());
  }

  /**
   * Async {@link #getByPid(String)}.
   *
   * @param pid product id
   * @param options per-call options
   * @return the product
   * @since 0.1.0
   */
  public CompletableFuture<ProductDetail> getByPidAsync(String pid, RequestOptions options) {
    require("pid", pid, QUERY);
    return query("pid", pid, options);
  }

  /**
   * {@code GET /product/query?productSku=..} (10 points).
   *
   * @param productSku product SKU
   * @return the product
   * @since 0.1.0
   */
  public ProductDetail getBySku(String productSku) {
    return HttpCore.await(getBySkuAsync(productSku, RequestOptions.none()), QUERY.name());
  }

  /**
   * Async {@link #getBySku(String)}.
   *
   * @param productSku product SKU
   * @param options per-call options
   * @return the product
   * @since 0.1.0
   */
  public CompletableFuture<ProductDetail> getBySkuAsync(String productSku, RequestOptions options) {
    require("productSku", productSku, QUERY);
    return query("productSku", productSku, options);
  }

  private CompletableFuture<ProductDetail> query(String key, String value, RequestOptions options) {
    Query q = Query.of().add(key, value).add("features", "enable_inventory");
    return core.call(QUERY, q.build(), null, options, Mappers::productDetail);
  }

  /**
   * {@code GET /product/variant/query?pid=..} (10 points): all variants of a product.
   *
   * @param pid product id
   * @return the variants
   * @since 0.1.0
   */
  public List<Variant> variantsByPid(String pid) {
    return HttpCore.await(variantsByPidAsync(pid, RequestOptions.none()), VARIANT_QUERY.name());
  }

  /**
   * Async {@link #variantsByPid(String)}.
   *
   * @param pid product id
   * @param options per-call options
   * @return the variants
   * @since 0.1.0
   */
  public CompletableFuture<List<Variant>> variantsByPidAsync(String pid, RequestOptions options) {
    require("pid", pid, VARIANT_QUERY);
    return core.call(VARIANT_QUERY, Query.of().add("pid", pid).build(), null, options, Mappers::variants);
  }

  /**
   * {@code GET /product/variant/queryByVid?vid=..&features=enable_inventory} (10 points).
   *
   * @param vid variant id
   * @return the variant
   * @since 0.1.0
   */
  public Variant variantByVid(String vid) {
    return HttpCore.await(variantByVidAsync(vid, RequestOptions.none()), VARIANT_BY_VID.name());
  }

  /**
   * Async {@link #variantByVid(String)}.
   *
   * @param vid variant id
   * @param options per-call options
   * @return the variant
   * @since 0.1.0
   */
  public CompletableFuture<Variant> variantByVidAsync(String vid, RequestOptions options) {
    require("vid", vid, VARIANT_BY_VID);
    Query q = Query.of().add("vid", vid).add("features", "enable_inventory");
    return core.call(VARIANT_BY_VID, q.build(), null, options, env -> {
      List<Variant> v = Mappers.variants(env);
      if (v.isEmpty()) {
        throw new CjNotFoundException("variant not found: vid \"" + vid + "\"", null, env.requestId(),
            env.httpStatus(), VARIANT_BY_VID.name(), 1, false, null);
      }
      return v.get(0);
    });
  }

  static void require(String field, String value, Endpoint ep) {
    if (value == null || value.isBlank()) {
      throw CjInvalidRequestException.of(ep.name(), field, value, field + " is required but was \"" + value + "\"");
    }
  }
}

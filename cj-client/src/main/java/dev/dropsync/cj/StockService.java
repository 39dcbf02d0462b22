package dev.dropsync.cj;

import dev.dropsync.cj.internal.Endpoint;
import dev.dropsync.cj.internal.HttpCore;
import dev.dropsync.cj.internal.Mappers;
import dev.dropsync.cj.internal.Query;
import dev.dropsync.cj.model.ProductInventory;
import dev.dropsync.cj.model.StockLevel;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Stock reads (10 points each). Results are snapshots: CJ has no reservation call. Obtain from {@link
 * CjClient#stock()}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class StockService {
  static final Endpoint BY_VID = Endpoint.get("/product/stock/queryByVid");
  static final Endpoint BY_SKU = Endpoint.get("/product/stock/queryBySku");
  static final Endpoint BY_PID = Endpoint.get("/product/stock/getInventoryByPid");

  private final HttpCore core;

  StockService(HttpCore core) {
    this.core = core;
  }

  /**
   * {@code GET /product/stock/queryByVid}: stock of a variant per warehouse area.
   *
   * @param vid variant id
   * @return stock levels
   * @since 0.1.0
   */
  public List<StockLevel> byVid(String vid) {
    return HttpCore.await(byVidAsync(vid, RequestOptions.none()), BY_VID.name());
  }

  /**
   * Async {@link #byVid(String)}.
   *
   * @param vid variant id
   * @param options per-call options
   * @return stock levels
   * @since 0.1.0
   */
  public CompletableFuture<List<StockLevel>> byVidAsync(String vid, RequestOptions options) {
    ProductService.require("vid", vid, BY_VID);
    return core.call(BY_VID, Query.of().add("vid", vid).build(), null, options, Mappers::stockLevels);
  }

  /**
   * {@code GET /product/stock/queryBySku}: stock of a SKU (or SPU) per area.
   *
   * @param sku variant SKU or product SPU
   * @return stock levels
   * @since 0.1.0
   */
  public List<StockLevel> bySku(String sku) {
    return HttpCore.await(bySkuAsync(sku, RequestOptions.none()), BY_SKU.name());
  }

  /**
   * Async {@link #bySku(String)}.
   *
   * @param sku SKU or SPU
   * @param options per-call options
   * @return stock levels
   * @since 0.1.0
   */
  public CompletableFuture<List<StockLevel>> bySkuAsync(String sku, RequestOptions options) {
    ProductService.require("sku", sku, BY_SKU);
    return core.call(BY_SKU, Query.of().add("sku", sku).build(), null, options, Mappers::stockLevels);
  }

  /**
   * {@code GET /product/stock/getInventoryByPid}: product-level and per-variant inventory.
   *
   * @param pid product id
   * @return the inventory
   * @since 0.1.0
   */
  public ProductInventory byPid(String pid) {
    return HttpCore.await(byPidAsync(pid, RequestOptions.none()), BY_PID.name());
  }

  /**
   * Async {@link #byPid(String)}.
   *
   * @param pid product id
   * @param options per-call options
   * @return the inventory
   * @since 0.1.0
   */
  public CompletableFuture<ProductInventory> byPidAsync(String pid, RequestOptions options) {
    ProductService.require("pid", pid, BY_PID);
    return core.call(BY_PID, Query.of().add("pid", pid).build(), null, options, Mappers::productInventory);
  }
}

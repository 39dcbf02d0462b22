package dev.dropsync.cj.testkit;

import org.jspecify.annotations.Nullable;

/**
 * The CJ endpoints the simulator serves, with their HTTP method, path (relative to {@code /api2.0/v1}) and
 * the points each call costs (cj-api.md §3). Used to target faults and to query the recorder.
 *
 * @since 0.1.0
 */
public enum Endpoint {
  /** {@code POST /authentication/getAccessToken}. */
  GET_ACCESS_TOKEN("POST", "/authentication/getAccessToken", 0, false),
  /** {@code POST /authentication/refreshAccessToken}. */
  REFRESH_ACCESS_TOKEN("POST", "/authentication/refreshAccessToken", 0, false),
  /** {@code POST /authentication/logout}. */
  LOGOUT("POST", "/authentication/logout", 0, true),
  /** {@code GET /product/list} (classic paging wrapper). */
  PRODUCT_LIST("GET", "/product/list", 50, true),
  /** {@code GET /product/listV2} (newer paging wrapper, renamed fields). */
  PRODUCT_LIST_V2("GET", "/product/listV2", 50, true),
  /** {@code GET /product/query}. */
  PRODUCT_QUERY("GET", "/product/query", 10, true),
  /** {@code GET /product/variant/query}. */
  VARIANT_QUERY("GET", "/product/variant/query", 10, true),
  /** {@code GET /product/variant/queryByVid}. */
  VARIANT_QUERY_BY_VID("GET", "/product/variant/queryByVid", 10, true),
  /** {@code GET /product/stock/queryByVid}. */
  STOCK_BY_VID("GET", "/product/stock/queryByVid", 10, true),
  /** {@code GET /product/stock/queryBySku}. */
  STOCK_BY_SKU("GET", "/product/stock/queryBySku", 10, true),
  /** {@code GET /product/stock/getInventoryByPid}. */
  STOCK_BY_PID("GET", "/product/stock/getInventoryByPid", 10, true),
  /** {@code POST /logistic/freightCalculate}. */
  FREIGHT_CALCULATE("POST", "/logistic/freightCalculate", 10, true),
  /** {@code GET /logistic/trackInfo}. */
  TRACK_INFO("GET", "/logistic/trackInfo", 0, true),
  /** {@code POST /shopping/order/createOrderV2}. */
  CREATE_ORDER_V2("POST", "/shopping/order/createOrderV2", 0, true),
  /** {@code POST /shopping/order/createOrderV3}. */
  CREATE_ORDER_V3("POST", "/shopping/order/createOrderV3", 0, true),
  /** {@code GET /shopping/order/list}. */
  ORDER_LIST("GET", "/shopping/order/list", 0, true),
  /** {@code GET /shopping/order/getOrderDetail}. */
  ORDER_DETAIL("GET", "/shopping/order/getOrderDetail", 0, true),
  /** {@code DELETE /shopping/order/deleteOrder}. */
  DELETE_ORDER("DELETE", "/shopping/order/deleteOrder", 0, true),
  /** {@code PATCH /shopping/order/confirmOrder}. */
  CONFIRM_ORDER("PATCH", "/shopping/order/confirmOrder", 0, true),
  /** {@code GET /shopping/pay/getBalance}. */
  GET_BALANCE("GET", "/shopping/pay/getBalance", 0, true),
  /** {@code POST /shopping/pay/payBalance}. */
  PAY_BALANCE("POST", "/shopping/pay/payBalance", 0, true),
  /** {@code POST /webhook/set}. */
  WEBHOOK_SET("POST", "/webhook/set", 0, true),
  /** {@code POST /webhook/product/subscribe}. */
  WEBHOOK_PRODUCT_SUBSCRIBE("POST", "/webhook/product/subscribe", 10, true),
  /** {@code GET /setting/get}. */
  SETTING_GET("GET", "/setting/get", 0, true);

  private final String method;
  private final String path;
  private final int points;
  private final boolean requiresToken;

  Endpoint(String method, String path, int points, boolean requiresToken) {
    this.method = method;
    this.path = path;
    this.points = points;
    this.requiresToken = requiresToken;
  }

  /**
   * The HTTP method CJ expects, e.g. {@code "PATCH"}.
   *
   * @return the HTTP method CJ expects, e.g. {@code "PATCH"}
   * @since 0.1.0
   */
  public String method() {
    return method;
  }

  /**
   * The path below {@code /api2.0/v1}, e.g. {@code "/product/list"}.
   *
   * @return the path below {@code /api2.0/v1}, e.g. {@code "/product/list"}
   * @since 0.1.0
   */
  public String path() {
    return path;
  }

  /**
   * Points one call costs (cj-api.md §3); 0 for free endpoints.
   *
   * @return points one call costs (cj-api.md §3); 0 for free endpoints
   * @since 0.1.0
   */
  public int points() {
    return points;
  }

  /**
   * Whether the endpoint needs the {@code CJ-Access-Token} header.
   *
   * @return whether the endpoint needs the {@code CJ-Access-Token} header
   * @since 0.1.0
   */
  public boolean requiresToken() {
    return requiresToken;
  }

  /**
   * Finds the endpoint served at {@code path} (below {@code /api2.0/v1}).
   *
   * @param path a path such as {@code "/product/list"}
   * @return the endpoint, or null if the simulator does not serve that path
   * @since 0.1.0
   */
  public static @Nullable Endpoint forPath(String path) {
    for (Endpoint e : values()) {
      if (e.path.equals(path)) {
        return e;
      }
    }
    return null;
  }
}

package dev.dropsync.cj;

import dev.dropsync.cj.internal.Endpoint;
import dev.dropsync.cj.internal.Envelope;
import dev.dropsync.cj.internal.HttpCore;
import dev.dropsync.cj.internal.Mappers;
import dev.dropsync.cj.internal.Query;
import dev.dropsync.cj.model.CreateOrderRequest;
import dev.dropsync.cj.model.CreatedOrder;
import dev.dropsync.cj.model.Order;
import dev.dropsync.cj.model.OrderLine;
import dev.dropsync.cj.model.OrderListRequest;
import dev.dropsync.cj.model.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Supplier orders. Obtain from {@link CjClient#orders()}. Thread-safe.
 *
 * <p><b>createOrder is never blindly retried.</b> CJ accepts duplicate orderNumbers, so the caller's
 * {@code orderNumber} is the idempotency key: when the outcome of a create is unknown (timeout,
 * connection reset, HTTP 5xx, busy 1600000/1600301, unreadable body) the client first looks the order
 * up by orderNumber (getOrderDetail, then the CREATED/UNPAID order lists matched on {@code orderNum}).
 * If found, that order is returned with {@link CreatedOrder#recovered()} set; if CJ positively does not
 * know it, the create is sent once more with the same orderNumber; if the lookup itself fails, the
 * original exception is thrown and nothing is resent. Throttle answers and connection failures before
 * sending are retried normally (CJ did not process them).
 *
 * @since 0.1.0
 */
public final class OrderService {
  static final Endpoint CREATE_V2 = Endpoint.post("/shopping/order/createOrderV2", false);
  static final Endpoint CREATE_V3 = Endpoint.post("/shopping/order/createOrderV3", false);
  static final Endpoint LIST = Endpoint.get("/shopping/order/list");
  static final Endpoint DETAIL = Endpoint.get("/shopping/order/getOrderDetail");
  static final Endpoint DELETE = new Endpoint("DELETE", "/shopping/order/deleteOrder", true, true);
  static final Endpoint CONFIRM = new Endpoint("PATCH", "/shopping/order/confirmOrder", false, true);

  private final HttpCore core;

  OrderService(HttpCore core) {
    this.core = core;
  }

  /**
   * {@code POST /shopping/order/createOrderV2}; see the class doc for the lost-response guard.
   *
   * @param request the validated order
   * @return the created (or recovered) order
   * @throws CjException when CJ refuses the order or its outcome stays unknown
   * @since 0.1.0
   */
  public CreatedOrder createOrderV2(CreateOrderRequest request) {
    return HttpCore.await(createOrderV2Async(request, RequestOptions.none()), CREATE_V2.name());
  }

  /**
   * Async {@link #createOrderV2(CreateOrderRequest)}; options may carry a {@code platformToken} header.
   *
   * @param request the order
   * @param options per-call options
   * @return the created (or recovered) order
   * @since 0.1.0
   */
  public CompletableFuture<CreatedOrder> createOrderV2Async(CreateOrderRequest request, RequestOptions options) {
    return create(CREATE_V2, request, options, true);
  }

  /**
   * {@code POST /shopping/order/createOrderV3} (same body without {@code payType}; needed for the
   * store-order flow), with the same lost-response guard.
   *
   * @param request the order ({@code payType} ignored)
   * @return the created (or recovered) order
   * @since 0.1.0
   */
  public CreatedOrder createOrderV3(CreateOrderRequest request) {
    return HttpCore.await(createOrderV3Async(request, RequestOptions.none()), CREATE_V3.name());
  }

  /**
   * Async {@link #createOrderV3(CreateOrderRequest)}.
   *
   * @param request the order
   * @param options per-call options
   * @return the created (or recovered) order
   * @since 0.1.0
   */
  public CompletableFuture<CreatedOrder> createOrderV3Async(CreateOrderRequest request, RequestOptions options) {
    return create(CREATE_V3, request, options, false);
  }

  private static Map<String, Object> body(CreateOrderRequest r, boolean v2) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("orderNumber", r.orderNumber());
    b.put("shippingCountryCode", r.shippingCountryCode());
    b.put("shippingCountry", r.shippingCountry());
    b.put("shippingProvince", r.shippingProvince());
    b.put("shippingCity", r.shippingCity());
    b.put("shippingAddress", r.shippingAddress());
    putIf(b, "shippingAddress2", r.shippingAddress2());
    putIf(b, "shippingZip", r.shippingZip());
    b.put("shippingCustomerName", r.shippingCustomerName());
    putIf(b, "shippingPhone", r.shippingPhone());
    putIf(b, "email", r.email());
    b.put("fromCountryCode", r.fromCountryCode());
    b.put("logisticName", r.logisticName());
    b.put("platform", r.platform());
    if (v2) {
      b.put("payType", r.payType());
    }
    if (r.sandbox()) {
      b.put("isSandbox", 1);
    }
    putIf(b, "shopLogisticsType", r.shopLogisticsType());
    putIf(b, "storageId", r.storageId());
    putIf(b, "remark", r.remark());
    List<Object> products = new ArrayList<>();
    for (OrderLine l : r.lines()) {
      Map<String, Object> p = new LinkedHashMap<>();
      putIf(p, "vid", l.vid());
      putIf(p, "sku", l.sku());
      p.put("quantity", l.quantity());
      putIf(p, "storeLineItemId", l.storeLineItemId());
      products.add(p);
    }
    b.put("products", products);
    return b;
  }

  private static void putIf(Map<String, Object> m, String k, @Nullable Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private CompletableFuture<CreatedOrder> create(Endpoint ep, CreateOrderRequest r, RequestOptions options, boolean v2) {
    Map<String, Object> body = body(r, v2);
    String on = r.orderNumber();
    CompletableFuture<CreatedOrder> first = core.call(ep, Map.of(), body, options, env -> Mappers.createdOrder(env, on));
    CompletableFuture<CreatedOrder> out = first.exceptionallyCompose(t -> {
      Throwable e = HttpCore.unwrap(t);
      if (!unknownOutcome(e)) {
        return CompletableFuture.failedFuture(e);
      }
      return lookup(on).handle((found, lt) -> {
        if (lt != null) {
          return CompletableFuture.<CreatedOrder>failedFuture(e);
        }
        if (found.isPresent()) {
          return CompletableFuture.completedFuture(Mappers.recovered(found.get(), on));
        }
        return core.call(ep, Map.of(), body, options, 0, env -> Mappers.createdOrder(env, on));
      }).thenCompose(f -> f);
    });
    return HttpCore.linkCancel(out, first);
  }

  private static boolean unknownOutcome(Throwable e) {
    if (e instanceof HttpCore.NotSentException) {
      return false;
    }
    return e instanceof CjServerException || e instanceof CjTransportException;
  }

  /**
   * Finds an order by your orderNumber: getOrderDetail first, then the CREATED and UNPAID order lists
   * (first 50 each) matched client-side on {@code orderNum}.
   *
   * @param orderNumber your order number
   * @return the order, or empty when CJ positively does not know it
   * @throws CjException when a lookup call fails (outcome unknown)
   * @since 0.1.0
   */
  public Optional<Order> findByOrderNumber(String orderNumber) {
    return HttpCore.await(lookup(orderNumber), DETAIL.name());
  }

  /**
   * Async {@link #findByOrderNumber(String)}.
   *
   * @param orderNumber your order number
   * @return the order, or empty
   * @since 0.1.0
   */
  public CompletableFuture<Optional<Order>> findByOrderNumberAsync(String orderNumber) {
    return lookup(orderNumber);
  }

  private CompletableFuture<Optional<Order>> lookup(String orderNumber) {
    return detailOrEmpty(orderNumber, RequestOptions.none()).thenCompose(o -> {
      if (o.isPresent() && (o.get().orderNumber() == null || orderNumber.equals(o.get().orderNumber()))) {
        return CompletableFuture.completedFuture(o);
      }
      return listMatch(orderNumber, "CREATED").thenCompose(m -> m.isPresent()
          ? CompletableFuture.completedFuture(m)
          : listMatch(orderNumber, "UNPAID"));
    });
  }

  private CompletableFuture<Optional<Order>> listMatch(String orderNumber, String status) {
    return listAsync(OrderListRequest.byStatus(status, 1, 50), RequestOptions.none()).thenApply(p -> {
      for (Order o : p.items()) {
        if (orderNumber.equals(o.orderNumber())) {
          return Optional.of(o);
        }
      }
      return Optional.<Order>empty();
    });
  }

  private CompletableFuture<Optional<Order>> detailOrEmpty(String orderId, RequestOptions options) {
    return core.call(DETAIL, Query.of().add("orderId", orderId).build(), null, options,
            env -> env.data() == null ? Optional.<Order>empty() : Optional.of(Mappers.order(env.dataObject())))
        .exceptionallyCompose(t -> {
          Throwable e = HttpCore.unwrap(t);
          if (e instanceof CjNotFoundException
              || (e instanceof CjInvalidRequestException ie && ie.code() != null && ie.code() == 1600300)) {
            return CompletableFuture.completedFuture(Optional.empty());
          }
          return CompletableFuture.failedFuture(e);
        });
  }

  /**
   * {@code GET /shopping/order/list}: one page of orders. Match your orderNumber on {@link
   * Order#orderNumber()} client-side; CJ has no reliable filter.
   *
   * @param request filter and paging
   * @return the page
   * @since 0.1.0
   */
  public Page<Order> list(OrderListRequest request) {
    return HttpCore.await(listAsync(request, RequestOptions.none()), LIST.name());
  }

  /**
   * Async {@link #list(OrderListRequest)}.
   *
   * @param request filter and paging
   * @param options per-call options
   * @return the page
   * @since 0.1.0
   */
  public CompletableFuture<Page<Order>> listAsync(OrderListRequest request, RequestOptions options) {
    Query q = Query.of()
        .add("pageNum", request.pageNum())
        .add("pageSize", request.pageSize())
        .add("status", request.status())
        .addAll("orderIds", request.orderIds())
        .add("shipmentOrderId", request.shipmentOrderId());
    return core.call(LIST, q.build(), null, options, Mappers::orderPage);
  }

  /**
   * {@code GET /shopping/order/getOrderDetail}.
   *
   * @param orderId CJ's SD code or your orderNumber (not the list's internal id)
   * @return the order
   * @throws CjNotFoundException when CJ does not know it
   * @since 0.1.0
   */
  public Order getOrderDetail(String orderId) {
    return HttpCore.await(getOrderDetailAsync(orderId, RequestOptions.none()), DETAIL.name());
  }

  /**
   * Async {@link #getOrderDetail(String)}.
   *
   * @param orderId SD code or orderNumber
   * @param options per-call options
   * @return the order
   * @since 0.1.0
   */
  public CompletableFuture<Order> getOrderDetailAsync(String orderId, RequestOptions options) {
    ProductService.require("orderId", orderId, DETAIL);
    return core.call(DETAIL, Query.of().add("orderId", orderId).build(), null, options, env -> {
      if (env.data() == null) {
        throw new CjNotFoundException("order not found: \"" + orderId + "\"", env.code(), env.requestId(),
            env.httpStatus(), DETAIL.name(), 1, false, null);
      }
      return Mappers.order(env.dataObject());
    });
  }

  /**
   * {@code DELETE /shopping/order/deleteOrder?orderId=..} (allowed while CREATED or IN_CART).
   *
   * @param orderId CJ order id
   * @return the deleted order id as CJ returned it, or {@code orderId} when CJ returned none
   * @since 0.1.0
   */
  public String deleteOrder(String orderId) {
    return HttpCore.await(deleteOrderAsync(orderId, RequestOptions.none()), DELETE.name());
  }

  /**
   * Async {@link #deleteOrder(String)}.
   *
   * @param orderId CJ order id
   * @param options per-call options
   * @return the deleted id
   * @since 0.1.0
   */
  public CompletableFuture<String> deleteOrderAsync(String orderId, RequestOptions options) {
    ProductService.require("orderId", orderId, DELETE);
    return core.call(DELETE, Query.of().add("orderId", orderId).build(), null, options, env -> idOr(env, orderId));
  }

  /**
   * {@code PATCH /shopping/order/confirmOrder}. Not idempotent: never retried after an unknown
   * outcome; re-read the order instead.
   *
   * @param orderId CJ order id
   * @return the confirmed order id
   * @since 0.1.0
   */
  public String confirmOrder(String orderId) {
    return HttpCore.await(confirmOrderAsync(orderId, RequestOptions.none()), CONFIRM.name());
  }

  /**
   * Async {@link #confirmOrder(String)}.
   *
   * @param orderId CJ order id
   * @param options per-call options
   * @return the confirmed order id
   * @since 0.1.0
   */
  public CompletableFuture<String> confirmOrderAsync(String orderId, RequestOptions options) {
    ProductService.require("orderId", orderId, CONFIRM);
    return core.call(CONFIRM, Map.of(), Map.of("orderId", orderId), options, env -> idOr(env, orderId));
  }

  private static String idOr(Envelope env, String fallback) {
    String id = Mappers.idData(env);
    return id == null ? fallback : id;
  }
}

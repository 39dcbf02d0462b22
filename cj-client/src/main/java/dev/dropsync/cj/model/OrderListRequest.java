package dev.dropsync.cj.model;

import dev.dropsync.cj.CjInvalidRequestException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Filter of {@code GET /shopping/order/list}. CJ defaults the status to CANCELLED when neither a
 * status nor ids are given, so one of them is required.
 *
 * @param pageNum 1-based page
 * @param pageSize items per page, 1..100
 * @param status status filter (e.g. {@code UNSHIPPED}), or {@code null} when ids are given
 * @param orderIds order ids (at most 100)
 * @param shipmentOrderId shipment order filter, or {@code null}
 * @since 0.1.0
 */
public record OrderListRequest(
    int pageNum, int pageSize, @Nullable String status, List<String> orderIds, @Nullable String shipmentOrderId) {
  private static final String EP = "GET /shopping/order/list";

  /**
   * Validates the filter.
   *
   * @throws CjInvalidRequestException when paging is out of range, more than 100 ids are given, or
   *     neither status nor ids are set
   *
   * @param pageNum see the record component
   * @param pageSize see the record component
   * @param status see the record component
   * @param orderIds see the record component
   * @param shipmentOrderId see the record component
   */
  public OrderListRequest {
    if (pageNum < 1) {
      throw CjInvalidRequestException.of(EP, "pageNum", pageNum, "pageNum must be >= 1 but was " + pageNum);
    }
    if (pageSize < 1 || pageSize > 100) {
      throw CjInvalidRequestException.of(EP, "pageSize", pageSize, "pageSize must be in 1..100 but was " + pageSize);
    }
    orderIds = List.copyOf(orderIds);
    if (orderIds.size() > 100) {
      throw CjInvalidRequestException.of(EP, "orderIds", orderIds.size(), "at most 100 orderIds but got " + orderIds.size());
    }
    if ((status == null || status.isBlank()) && orderIds.isEmpty() && shipmentOrderId == null) {
      throw CjInvalidRequestException.of(EP, "status", status, "status (or orderIds) is required: CJ defaults to CANCELLED");
    }
  }

  /**
   * Orders with a status.
   *
   * @param status e.g. {@code UNSHIPPED}
   * @param pageNum 1-based page
   * @param pageSize 1..100
   * @return the request
   * @since 0.1.0
   */
  public static OrderListRequest byStatus(String status, int pageNum, int pageSize) {
    return new OrderListRequest(pageNum, pageSize, status, List.of(), null);
  }
}

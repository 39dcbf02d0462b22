package dev.dropsync.cj.model;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Result of createOrder, or the existing order found by orderNumber after an unknown outcome.
 *
 * @param orderNumber your order number
 * @param orderId CJ's order id (SD code), or {@code null} for non-CJ SKUs
 * @param shipmentOrderId shipment order id, or {@code null} at creation
 * @param orderStatus CJ status text such as {@code CREATED}, or {@code null}
 * @param productAmount USD product total, or {@code null}
 * @param postageAmount USD postage, or {@code null}
 * @param orderAmount USD order total, or {@code null} at creation (use {@link #total()})
 * @param cjPayUrl CJ payment page, or {@code null}
 * @param interceptOrderReasons reasons CJ intercepted the order (empty when none)
 * @param recovered {@code true} when the create response was lost and the order was found by lookup
 * @since 0.1.0
 */
public record CreatedOrder(
    String orderNumber,
    @Nullable String orderId,
    @Nullable String shipmentOrderId,
    @Nullable String orderStatus,
    @Nullable BigDecimal productAmount,
    @Nullable BigDecimal postageAmount,
    @Nullable BigDecimal orderAmount,
    @Nullable String cjPayUrl,
    List<String> interceptOrderReasons,
    boolean recovered) {
  /**
   * Copies lists immutably.
   *
   * @param orderNumber see the record component
   * @param orderId see the record component
   * @param shipmentOrderId see the record component
   * @param orderStatus see the record component
   * @param productAmount see the record component
   * @param postageAmount see the record component
   * @param orderAmount see the record component
   * @param cjPayUrl see the record component
   * @param interceptOrderReasons see the record component
   * @param recovered see the record component
   */
  public CreatedOrder {
    interceptOrderReasons = List.copyOf(interceptOrderReasons);
  }

  /**
   * The order total: {@code orderAmount}, or product + postage while CJ leaves it null.
   *
   * @return USD total, or {@code null} when nothing is known
   * @since 0.1.0
   */
  public @Nullable BigDecimal total() {
    if (orderAmount != null) {
      return orderAmount;
    }
    if (productAmount == null) {
      return null;
    }
    return postageAmount == null ? productAmount : productAmount.add(postageAmount);
  }
}

package dev.dropsync.cj.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order from the order list or getOrderDetail. Note CJ's naming: your key is {@code orderNum}
 * there, mapped to {@link #orderNumber()}.
 *
 * @param orderId id CJ put in {@code orderId} (internal number in the list)
 * @param orderNumber your order number ({@code orderNum}), or {@code null}
 * @param cjOrderId CJ's SD code, or {@code null}
 * @param orderStatus status text ({@code CREATED}, {@code UNPAID}, ...), or {@code null}
 * @param subStatus sub-status, or {@code null}
 * @param logisticName carrier, or {@code null}
 * @param trackNumber tracking number, or {@code null}
 * @param trackingUrl page where the parcel can be followed, when CJ sends one ({@code trackingUrl}),
 *     else {@code null}
 * @param productAmount USD product total, or {@code null}
 * @param postageAmount USD postage, or {@code null}
 * @param orderAmount USD total, or {@code null}
 * @param createdAt creation time (CJ's zone-less dates read as UTC), or {@code null}
 * @param items lines of the order (detail only; empty otherwise)
 * @since 0.1.0
 */
public record Order(
    String orderId,
    @Nullable String orderNumber,
    @Nullable String cjOrderId,
    @Nullable String orderStatus,
    @Nullable String subStatus,
    @Nullable String logisticName,
    @Nullable String trackNumber,
    @Nullable String trackingUrl,
    @Nullable BigDecimal productAmount,
    @Nullable BigDecimal postageAmount,
    @Nullable BigDecimal orderAmount,
    @Nullable Instant createdAt,
    List<Item> items) {
  /**
   * Copies lists immutably.
   *
   * @param orderId see the record component
   * @param orderNumber see the record component
   * @param cjOrderId see the record component
   * @param orderStatus see the record component
   * @param subStatus see the record component
   * @param logisticName see the record component
   * @param trackNumber see the record component
   * @param trackingUrl see the record component
   * @param productAmount see the record component
   * @param postageAmount see the record component
   * @param orderAmount see the record component
   * @param createdAt see the record component
   * @param items see the record component
   */
  public Order {
    items = List.copyOf(items);
  }

  /**
   * The 0.1.0 constructor without {@code trackingUrl} (set to {@code null}); kept for source
   * compatibility.
   *
   * @param orderId see the record component
   * @param orderNumber see the record component
   * @param cjOrderId see the record component
   * @param orderStatus see the record component
   * @param subStatus see the record component
   * @param logisticName see the record component
   * @param trackNumber see the record component
   * @param productAmount see the record component
   * @param postageAmount see the record component
   * @param orderAmount see the record component
   * @param createdAt see the record component
   * @param items see the record component
   * @since 0.1.0
   */
  public Order(String orderId, @Nullable String orderNumber, @Nullable String cjOrderId, @Nullable String orderStatus,
      @Nullable String subStatus, @Nullable String logisticName, @Nullable String trackNumber,
      @Nullable BigDecimal productAmount, @Nullable BigDecimal postageAmount, @Nullable BigDecimal orderAmount,
      @Nullable Instant createdAt, List<Item> items) {
    this(orderId, orderNumber, cjOrderId, orderStatus, subStatus, logisticName, trackNumber, null, productAmount,
        postageAmount, orderAmount, createdAt, items);
  }

  /**
   * One line of an order.
   *
   * @param vid variant id
   * @param quantity units
   * @param sellPrice USD unit price, or {@code null}
   * @param storeLineItemId your line id, or {@code null}
   * @since 0.1.0
   */
  public record Item(String vid, int quantity, @Nullable BigDecimal sellPrice, @Nullable String storeLineItemId) {}
}

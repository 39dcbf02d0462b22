package dev.dropsync.cj.model;

import org.jspecify.annotations.Nullable;

/**
 * One line of a createOrder request: a variant ({@code vid} or {@code sku}) and a quantity.
 * Validated by {@link CreateOrderRequest}.
 *
 * @param vid variant id, or {@code null} when {@code sku} is given
 * @param sku variant SKU, or {@code null} when {@code vid} is given
 * @param quantity units, at least 1
 * @param storeLineItemId your store's line item id, or {@code null}
 * @since 0.1.0
 */
public record OrderLine(@Nullable String vid, @Nullable String sku, int quantity, @Nullable String storeLineItemId) {
  /**
   * A line by vid.
   *
   * @param vid variant id
   * @param quantity units
   * @return the line
   * @since 0.1.0
   */
  public static OrderLine ofVid(String vid, int quantity) {
    return new OrderLine(vid, null, quantity, null);
  }
}

package dev.dropsync.cj.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parsed CJ webhook delivery. Switch on the record type. {@link #messageId()} is stable across
 * CJ's retries: dedupe on it. The openId is never kept.
 *
 * @since 0.1.0
 */
public sealed interface WebhookMessage {
  /**
   * CJ's message id (dedupe key), or {@code null} when absent.
   *
   * @return the id
   * @since 0.1.0
   */
  @Nullable String messageId();

  /**
   * INSERT, UPDATE, DELETE or another CJ message type.
   *
   * @return the message type, or {@code null}
   * @since 0.1.0
   */
  @Nullable String messageType();

  /**
   * PRODUCT: a subscribed product changed.
   *
   * @param messageId message id
   * @param messageType message type
   * @param pid product id
   * @param sku product SKU, or {@code null}
   * @param nameEn English name, or {@code null}
   * @param sellPrice USD price (may be a range), or {@code null}
   * @param productStatus 2 off sale, 3 on sale, or {@code null}
   * @param categoryId category, or {@code null}
   * @param fields names of the changed fields
   * @since 0.1.0
   */
  record Product(@Nullable String messageId, @Nullable String messageType, String pid, @Nullable String sku,
      @Nullable String nameEn, @Nullable PriceRange sellPrice, @Nullable Integer productStatus,
      @Nullable String categoryId, List<String> fields) implements WebhookMessage {
    /**
     * Copies lists.
     *
     * @param messageId see the record component
     * @param messageType see the record component
     * @param pid see the record component
     * @param sku see the record component
     * @param nameEn see the record component
     * @param sellPrice see the record component
     * @param productStatus see the record component
     * @param categoryId see the record component
     * @param fields see the record component
     */
    public Product {
      fields = List.copyOf(fields);
    }
  }

  /**
   * VARIANT: a subscribed variant changed.
   *
   * @param messageId message id
   * @param messageType message type
   * @param vid variant id
   * @param pid product id, or {@code null}
   * @param sku variant SKU, or {@code null}
   * @param variantKey variant key, or {@code null}
   * @param sellPrice USD price, or {@code null}
   * @param variantStatus 0 off, 1 on, or {@code null}
   * @param fields names of the changed fields
   * @since 0.1.0
   */
  record Variant(@Nullable String messageId, @Nullable String messageType, String vid, @Nullable String pid,
      @Nullable String sku, @Nullable String variantKey, @Nullable BigDecimal sellPrice,
      @Nullable Integer variantStatus, List<String> fields) implements WebhookMessage {
    /**
     * Copies lists.
     *
     * @param messageId see the record component
     * @param messageType see the record component
     * @param vid see the record component
     * @param pid see the record component
     * @param sku see the record component
     * @param variantKey see the record component
     * @param sellPrice see the record component
     * @param variantStatus see the record component
     * @param fields see the record component
     */
    public Variant {
      fields = List.copyOf(fields);
    }
  }

  /**
   * STOCK: stock of subscribed variants changed; a cue to re-read stock.
   *
   * @param messageId message id
   * @param messageType message type
   * @param byVid changes keyed by vid
   * @since 0.1.0
   */
  record Stock(@Nullable String messageId, @Nullable String messageType, Map<String, List<StockChange>> byVid)
      implements WebhookMessage {
    /**
     * Copies the map.
     *
     * @param messageId see the record component
     * @param messageType see the record component
     * @param byVid see the record component
     */
    public Stock {
      byVid = Map.copyOf(byVid);
    }
  }

  /**
   * One warehouse entry of a STOCK message.
   *
   * @param vid variant id
   * @param areaId area id as text, or {@code null}
   * @param countryCode warehouse country, or {@code null}
   * @param storageNum units (deprecated name for the total)
   * @since 0.1.0
   */
  record StockChange(String vid, @Nullable String areaId, @Nullable String countryCode, long storageNum) {}

  /**
   * ORDER: an order changed.
   *
   * @param messageId message id
   * @param messageType message type
   * @param orderNumber your order number, or {@code null}
   * @param cjOrderId CJ order id as exact text (JSON numbers above 2^53), or {@code null}
   * @param orderStatus status text, or {@code null}
   * @param logisticName carrier, or {@code null}
   * @param trackNumber tracking number, or {@code null}
   * @param trackingUrl tracking URL, or {@code null}
   * @param updatedAt update time (UTC), or {@code null}
   * @since 0.1.0
   */
  record Order(@Nullable String messageId, @Nullable String messageType, @Nullable String orderNumber,
      @Nullable String cjOrderId, @Nullable String orderStatus, @Nullable String logisticName,
      @Nullable String trackNumber, @Nullable String trackingUrl, @Nullable Instant updatedAt)
      implements WebhookMessage {}

  /**
   * ORDERSPLIT: an order was split into several.
   *
   * @param messageId message id
   * @param messageType message type
   * @param originalOrderId the split order's id as text, or {@code null}
   * @param splitOrders the resulting orders
   * @param splitAt when it was split, or {@code null}
   * @since 0.1.0
   */
  record OrderSplit(@Nullable String messageId, @Nullable String messageType, @Nullable String originalOrderId,
      List<SplitOrder> splitOrders, @Nullable Instant splitAt) implements WebhookMessage {
    /**
     * Copies lists.
     *
     * @param messageId see the record component
     * @param messageType see the record component
     * @param originalOrderId see the record component
     * @param splitOrders see the record component
     * @param splitAt see the record component
     */
    public OrderSplit {
      splitOrders = List.copyOf(splitOrders);
    }
  }

  /**
   * One order produced by a split.
   *
   * @param orderCode CJ order code
   * @param orderStatus numeric status (e.g. 300 paid), or {@code null}
   * @param createdAt creation time, or {@code null}
   * @since 0.1.0
   */
  record SplitOrder(String orderCode, @Nullable Integer orderStatus, @Nullable Instant createdAt) {}

  /**
   * LOGISTIC: tracking progressed.
   *
   * @param messageId message id
   * @param messageType message type
   * @param orderId CJ order id as exact text, or {@code null}
   * @param trackingNumber tracking number, or {@code null}
   * @param logisticName carrier, or {@code null}
   * @param trackingStatus 0 none ... 12 delivered, 13 exception, 14 return; or {@code null}
   * @param events tracking events decoded from CJ's JSON-in-string {@code logisticsTrackEvents}
   * @since 0.1.0
   */
  record Logistic(@Nullable String messageId, @Nullable String messageType, @Nullable String orderId,
      @Nullable String trackingNumber, @Nullable String logisticName, @Nullable Integer trackingStatus,
      List<TrackEvent> events) implements WebhookMessage {
    /**
     * Copies lists.
     *
     * @param messageId see the record component
     * @param messageType see the record component
     * @param orderId see the record component
     * @param trackingNumber see the record component
     * @param logisticName see the record component
     * @param trackingStatus see the record component
     * @param events see the record component
     */
    public Logistic {
      events = List.copyOf(events);
    }

    /**
     * Whether CJ reports the parcel delivered (status 12).
     *
     * @return {@code true} when delivered
     * @since 0.1.0
     */
    public boolean delivered() {
      return trackingStatus != null && trackingStatus == 12;
    }
  }

  /**
   * One tracking event.
   *
   * @param at event time, or {@code null}
   * @param description event text, or {@code null}
   * @param location place, or {@code null}
   * @since 0.1.0
   */
  record TrackEvent(@Nullable Instant at, @Nullable String description, @Nullable String location) {}

  /**
   * A topic this client does not model (SOURCINGCREATE, MAKEUP, ...) or a registration probe.
   *
   * @param messageId message id
   * @param messageType message type
   * @param type CJ's {@code type}, or {@code null} for a probe
   * @since 0.1.0
   */
  record Other(@Nullable String messageId, @Nullable String messageType, @Nullable String type)
      implements WebhookMessage {}
}

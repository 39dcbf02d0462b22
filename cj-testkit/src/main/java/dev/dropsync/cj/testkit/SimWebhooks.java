package dev.dropsync.cj.testkit;

import dev.dropsync.cj.testkit.internal.SimEngine;
import dev.dropsync.cj.testkit.internal.Webhooks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Produces CJ webhook messages signed exactly as CJ signs them, from the simulator's current state, and
 * optionally POSTs them to the callback URLs registered through {@code POST /webhook/set}.
 *
 * <p>ORDER, ORDERSPLIT and LOGISTIC messages carry the internal order id as a bare JSON number above 2^53;
 * LOGISTIC's {@code logisticsTrackEvents} is a JSON document inside a string. Thread-safe.
 *
 * @since 0.1.0
 */
public final class SimWebhooks {
  private final SimEngine engine;

  SimWebhooks(SimEngine engine) {
    this.engine = engine;
  }

  private Webhooks w() {
    return engine.webhooks();
  }

  /**
   * An ORDER message for the order's current state.
   *
   * @return an ORDER message for the order's current state
   * @param cjOrderId the order's {@code SD…} code
   * @throws java.util.NoSuchElementException if no such order exists
   * @since 0.1.0
   */
  public WebhookDelivery order(String cjOrderId) {
    return w().order(Objects.requireNonNull(cjOrderId, "cjOrderId"));
  }

  /**
   * A LOGISTIC message for the order with the given numeric tracking state (0..14, e.g. 12 delivered).
   *
   * @param cjOrderId the cj order id
   * @param trackingStatus the tracking status
   * @return a LOGISTIC message for the order with the given numeric tracking state (0..14, e.g. 12 delivered)
   * @throws IllegalArgumentException if {@code trackingStatus} is outside 0..14
   * @throws java.util.NoSuchElementException if no such order exists
   * @since 0.1.0
   */
  public WebhookDelivery logistic(String cjOrderId, int trackingStatus) {
    if (trackingStatus < 0 || trackingStatus > 14) {
      throw new IllegalArgumentException("trackingStatus must be 0..14 but was " + trackingStatus);
    }
    return w().logistic(Objects.requireNonNull(cjOrderId, "cjOrderId"), trackingStatus);
  }

  /**
   * An ORDERSPLIT message splitting the order into one part per line.
   *
   * @param cjOrderId the cj order id
   * @return an ORDERSPLIT message splitting the order into one part per line
   * @throws java.util.NoSuchElementException if no such order exists
   * @since 0.1.0
   */
  public WebhookDelivery orderSplit(String cjOrderId) {
    return w().orderSplit(Objects.requireNonNull(cjOrderId, "cjOrderId"));
  }

  /**
   * A PRODUCT message ({@code productStatus} 3 on sale, 2 offline).
   *
   * @param pid the pid
   * @return a PRODUCT message ({@code productStatus} 3 on sale, 2 offline)
   * @throws java.util.NoSuchElementException if no such product exists
   * @since 0.1.0
   */
  public WebhookDelivery product(String pid) {
    return w().product(Objects.requireNonNull(pid, "pid"));
  }

  /**
   * A VARIANT message with the variant's current price.
   *
   * @param vid the vid
   * @return a VARIANT message with the variant's current price
   * @throws java.util.NoSuchElementException if no such variant exists
   * @since 0.1.0
   */
  public WebhookDelivery variant(String vid) {
    return w().variant(Objects.requireNonNull(vid, "vid"));
  }

  /**
   * A STOCK message ({@code params} maps the vid to per-warehouse {@code storageNum} rows).
   *
   * @param vid the vid
   * @return a STOCK message ({@code params} maps the vid to per-warehouse {@code storageNum} rows)
   * @throws java.util.NoSuchElementException if no such variant exists
   * @since 0.1.0
   */
  public WebhookDelivery stock(String vid) {
    return w().stock(Objects.requireNonNull(vid, "vid"));
  }

  /**
   * Computes the {@code sign} header for {@code body} with this simulator's primary openId.
   *
   * @param body the body
   * @return computes the {@code sign} header for {@code body} with this simulator's primary openId
   * @since 0.1.0
   */
  public String sign(byte[] body) {
    return Webhooks.sign(Objects.requireNonNull(body, "body"), engine.config().accounts().get(0).openId());
  }

  /**
   * The callback URL registered for a topic ({@code product}, {@code stock}, {@code order},
   * {@code logistics}), if any.
   *
   * @param topic the topic
   * @return the callback URL registered for a topic ({@code product}, {@code stock}, {@code order}, {@code logistics}), if any
   * @since 0.1.0
   */
  public Optional<String> callbackUrl(String topic) {
    return Optional.ofNullable(engine.webhookUrl(Objects.requireNonNull(topic, "topic")));
  }

  /**
   * Product ids subscribed through {@code /webhook/product/subscribe}.
   *
   * @return product ids subscribed through {@code /webhook/product/subscribe}
   * @since 0.1.0
   */
  public Set<String> subscribedProductIds() {
    return engine.subscribedProducts();
  }

  /**
   * POSTs {@code delivery} to the URL registered for its topic and returns the HTTP status answered.
   *
   * @param delivery the delivery
   * @return pOSTs {@code delivery} to the URL registered for its topic and returns the HTTP status answered
   * @throws IllegalStateException if no URL is registered for the topic
   * @throws java.io.UncheckedIOException if the POST fails
   * @since 0.1.0
   */
  public int deliver(WebhookDelivery delivery) {
    return w().deliver(Objects.requireNonNull(delivery, "delivery"));
  }

  /**
   * Delivers the same message {@code times} times (same {@code messageId}), as CJ's at-least-once retries do.
   *
   * @param delivery the delivery
   * @param times the times
   * @return the HTTP status of each delivery
   * @throws IllegalArgumentException if {@code times < 1}
   * @since 0.1.0
   */
  public List<Integer> deliverDuplicated(WebhookDelivery delivery, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1 but was " + times);
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.add(deliver(delivery));
    }
    return out;
  }

  /**
   * Delivers {@code deliveries} in reverse order (newest first), as CJ's unordered delivery may.
   *
   * @param deliveries the deliveries
   * @return the HTTP status of each delivery, in delivery order
   * @since 0.1.0
   */
  public List<Integer> deliverReversed(List<WebhookDelivery> deliveries) {
    List<WebhookDelivery> copy = new ArrayList<>(deliveries);
    Collections.reverse(copy);
    List<Integer> out = new ArrayList<>();
    for (WebhookDelivery d : copy) {
      out.add(deliver(d));
    }
    return out;
  }
}

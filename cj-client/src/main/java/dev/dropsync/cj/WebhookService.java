package dev.dropsync.cj;

import dev.dropsync.cj.internal.Endpoint;
import dev.dropsync.cj.internal.HttpCore;
import dev.dropsync.cj.internal.Mappers;
import dev.dropsync.cj.model.SubscribeResult;
import dev.dropsync.cj.model.WebhookSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Webhook registration and product subscriptions. Verify and parse deliveries with {@link
 * CjWebhooks}. Obtain from {@link CjClient#webhooks()}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class WebhookService {
  static final Endpoint SET = Endpoint.post("/webhook/set", true);
  static final Endpoint SUBSCRIBE = Endpoint.post("/webhook/product/subscribe", true);

  private final HttpCore core;

  WebhookService(HttpCore core) {
    this.core = core;
  }

  /**
   * {@code POST /webhook/set}: registers or cancels callback URLs per topic. CJ probes each URL.
   *
   * @param settings per-topic settings
   * @return {@code true} when CJ accepted
   * @since 0.1.0
   */
  public boolean set(WebhookSettings settings) {
    return HttpCore.await(setAsync(settings, RequestOptions.none()), SET.name());
  }

  /**
   * Async {@link #set(WebhookSettings)}.
   *
   * @param settings per-topic settings
   * @param options per-call options
   * @return {@code true} when accepted
   * @since 0.1.0
   */
  public CompletableFuture<Boolean> setAsync(WebhookSettings settings, RequestOptions options) {
    Map<String, Object> body = new LinkedHashMap<>();
    put(body, "product", settings.product());
    put(body, "stock", settings.stock());
    put(body, "order", settings.order());
    put(body, "logistics", settings.logistics());
    return core.call(SET, Map.of(), body, options, Mappers::flag);
  }

  private static void put(Map<String, Object> body, String key, WebhookSettings.@Nullable Topic t) {
    if (t != null) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", t.enable() ? "ENABLE" : "CANCEL");
      m.put("callbackUrls", t.callbackUrls());
      body.put(key, m);
    }
  }

  /**
   * {@code POST /webhook/product/subscribe} (10 points): PRODUCT/VARIANT/STOCK messages for up to 100
   * products.
   *
   * @param productIds 1..100 product ids
   * @return accepted and refused ids
   * @throws CjInvalidRequestException when the list is empty or longer than 100
   * @since 0.1.0
   */
  public SubscribeResult subscribeProducts(List<String> productIds) {
    return HttpCore.await(subscribeProductsAsync(productIds, RequestOptions.none()), SUBSCRIBE.name());
  }

  /**
   * Async {@link #subscribeProducts(List)}.
   *
   * @param productIds 1..100 product ids
   * @param options per-call options
   * @return accepted and refused ids
   * @since 0.1.0
   */
  public CompletableFuture<SubscribeResult> subscribeProductsAsync(List<String> productIds, RequestOptions options) {
    if (productIds.isEmpty() || productIds.size() > 100) {
      throw CjInvalidRequestException.of(SUBSCRIBE.name(), "productIds", productIds.size(),
          "productIds must hold 1..100 ids but held " + productIds.size());
    }
    return core.call(SUBSCRIBE, Map.of(), Map.of("productIds", List.copyOf(productIds)), options, Mappers::subscribe);
  }
}

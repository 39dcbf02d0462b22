package dev.dropsync.cj;

import dev.dropsync.cj.internal.Json;
import dev.dropsync.cj.internal.Node;
import dev.dropsync.cj.model.WebhookMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and parses CJ webhook deliveries. Stateless and thread-safe.
 *
 * <p>CJ signs each delivery with header {@code sign} = Base64(HMAC-SHA256(raw body bytes, key =
 * openId as a decimal string)). There is no timestamp, so dedupe on {@link
 * WebhookMessage#messageId()} to resist replays. Verify before parsing; pass the exact bytes
 * received.
 *
 * @since 0.1.0
 */
public final class CjWebhooks {
  private static final Node.Ctx CTX = new Node.Ctx("webhook", null, 0);

  private CjWebhooks() {}

  /**
   * Checks the signature of a delivery in constant time.
   *
   * @param rawBody the exact request body bytes
   * @param signHeader value of the {@code sign} header, or {@code null} when missing
   * @param openId the account's openId (secret; never echoed)
   * @throws CjWebhookSignatureException when the header is missing, not Base64, or does not match
   * @since 0.1.0
   */
  public static void verify(byte[] rawBody, @Nullable String signHeader, String openId) {
    if (openId == null || openId.isBlank()) {
      throw new CjWebhookSignatureException("openId is blank");
    }
    if (signHeader == null || signHeader.isBlank()) {
      throw new CjWebhookSignatureException("webhook sign header is missing");
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signHeader.trim());
    } catch (IllegalArgumentException e) {
      throw new CjWebhookSignatureException("webhook sign header is not Base64");
    }
    byte[] expected = sign(rawBody, openId);
    if (!MessageDigest.isEqual(expected, given)) {
      throw new CjWebhookSignatureException("webhook signature does not match the body");
    }
  }

  /**
   * Computes the signature CJ would send, e.g. to test your endpoint.
   *
   * @param rawBody body bytes
   * @param openId the account's openId
   * @return Base64 (standard, padded) HMAC-SHA256
   * @since 0.1.0
   */
  public static String signature(byte[] rawBody, String openId) {
    return Base64.getEncoder().encodeToString(sign(rawBody, openId));
  }

  private static byte[] sign(byte[] body, String openId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(openId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * Verifies, then parses a delivery.
   *
   * @param rawBody exact body bytes
   * @param signHeader the {@code sign} header
   * @param openId the account's openId
   * @return the typed message
   * @throws CjWebhookSignatureException when the signature is bad or the body unreadable
   * @since 0.1.0
   */
  public static WebhookMessage verifyAndParse(byte[] rawBody, @Nullable String signHeader, String openId) {
    verify(rawBody, signHeader, openId);
    return parse(rawBody);
  }

  /**
   * Parses a delivery without verifying it (only for bodies already verified).
   *
   * @param rawBody body bytes (UTF-8 JSON)
   * @return the typed message; {@link WebhookMessage.Other} for unmodelled topics and probes
   * @throws CjWebhookSignatureException when the body is not a JSON object or lacks a required id
   * @since 0.1.0
   */
  public static WebhookMessage parse(byte[] rawBody) {
    Object tree;
    try {
      tree = Json.parse(new String(rawBody, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new CjWebhookSignatureException("webhook body is not valid JSON");
    }
    if (!(tree instanceof Map)) {
      throw new CjWebhookSignatureException("webhook body is not a JSON object");
    }
    try {
      return parse(Node.of(tree, "$", CTX));
    } catch (CjMalformedResponseException e) {
      throw new CjWebhookSignatureException("webhook body unusable: " + e.cjMessage());
    }
  }

  private static WebhookMessage parse(Node root) {
    String id = root.str("messageId");
    String type = root.str("type");
    String mt = root.str("messageType");
    Node p = root.optObj("params");
    if (type == null || p == null) {
      return new WebhookMessage.Other(id, mt, type);
    }
    switch (type) {
      case "PRODUCT":
        return new WebhookMessage.Product(id, mt, p.reqStr("pid"), p.str("productSku"), p.str("productNameEn"),
            p.has("productSellPrice") ? p.range("productSellPrice") : p.range("sellPrice"),
            p.integer("productStatus"), p.str("categoryId"), p.strings("fields"));
      case "VARIANT":
        return new WebhookMessage.Variant(id, mt, p.reqStr("vid"), p.str("pid"), p.str("variantSku"),
            p.str("variantKey"), p.decimal("variantSellPrice"), p.integer("variantStatus"), p.strings("fields"));
      case "STOCK": {
        Map<String, List<WebhookMessage.StockChange>> byVid = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable Object> e : p.raw().entrySet()) {
          List<WebhookMessage.StockChange> l = new ArrayList<>();
          for (Node s : Node.list(e.getValue(), "params." + e.getKey(), CTX)) {
            Long n = s.lng("storageNum");
            String vid = s.str("vid");
            l.add(new WebhookMessage.StockChange(vid == null ? e.getKey() : vid, s.str("areaId"), s.str("countryCode"), n == null ? 0 : n));
          }
          byVid.put(e.getKey(), List.copyOf(l));
        }
        return new WebhookMessage.Stock(id, mt, byVid);
      }
      case "ORDER":
        return new WebhookMessage.Order(id, mt, p.str("orderNumber", "orderNum"), p.str("cjOrderId"), p.str("orderStatus"),
            p.str("logisticName"), p.str("trackNumber"), p.str("trackingUrl"), p.instant("updateDate"));
      case "ORDERSPLIT": {
        List<WebhookMessage.SplitOrder> orders = new ArrayList<>();
        for (Node s : p.objs("splitOrderList")) {
          orders.add(new WebhookMessage.SplitOrder(s.reqStr("orderCode"), s.integer("orderStatus"), s.instant("createAt")));
        }
        return new WebhookMessage.OrderSplit(id, mt, p.str("originalOrderId"), orders, p.instant("orderSplitTime"));
      }
      case "LOGISTIC":
      case "LOGISTICS": {
        List<WebhookMessage.TrackEvent> events = new ArrayList<>();
        Object ev = p.jsonInString("logisticsTrackEvents");
        for (Node e : Node.list(ev instanceof List ? ev : null, "params.logisticsTrackEvents", CTX)) {
          String time = e.str("eventTime", "time");
          events.add(new WebhookMessage.TrackEvent(time == null ? null : Node.parseInstant(time),
              e.str("description", "activity"), e.str("location")));
        }
        return new WebhookMessage.Logistic(id, mt, p.str("orderId"), p.str("trackingNumber"), p.str("logisticName"),
            p.integer("trackingStatus"), events);
      }
      default:
        return new WebhookMessage.Other(id, mt, type);
    }
  }
}

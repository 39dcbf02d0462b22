package dev.dropsync.automation.testing;

import dev.dropsync.cj.CjWebhooks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CJ webhook bodies in CJ's wire format (cj-api.md §6: {@code messageId}, {@code type}, {@code
 * messageType}, {@code params}; big order ids as bare JSON numbers; {@code logisticsTrackEvents} as
 * a JSON string; dates as {@code yyyy-MM-dd HH:mm:ss} UTC), and the {@code sign} header CJ sends
 * (Base64 HMAC-SHA256 of the raw body keyed with the openId, via {@link CjWebhooks#signature}).
 */
public final class CjPayloads {
  private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private CjPayloads() {}

  /** A STOCK message: {@code params} maps the vid to one warehouse row. */
  public static byte[] stock(String messageId, String vid, long storageNum) {
    return body(messageId, "STOCK", "UPDATE", "{\"" + vid + "\":[{\"vid\":\"" + vid
        + "\",\"areaId\":\"1\",\"countryCode\":\"CN\",\"storageNum\":" + storageNum + "}]}");
  }

  /** A VARIANT message. */
  public static byte[] variant(String messageId, String vid, @Nullable String pid, String sellPrice) {
    return body(messageId, "VARIANT", "UPDATE", "{\"vid\":\"" + vid + "\"" + (pid == null ? "" : ",\"pid\":\"" + pid + "\"")
        + ",\"variantSku\":\"SKU-" + vid + "\",\"variantSellPrice\":" + sellPrice + ",\"variantStatus\":1,\"fields\":[\"variantSellPrice\"]}");
  }

  /** A PRODUCT message ({@code productStatus} 3 on sale, 2 off). */
  public static byte[] product(String messageId, String pid, int productStatus) {
    return body(messageId, "PRODUCT", "UPDATE", "{\"pid\":\"" + pid + "\",\"productSku\":\"SKU-" + pid
        + "\",\"productNameEn\":\"Mug\",\"productSellPrice\":\"4.20 -- 4.50\",\"productStatus\":" + productStatus
        + ",\"fields\":[\"productStatus\"]}");
  }

  /** An ORDER message; {@code cjOrderId} is written as a bare JSON number (it exceeds 2^53 at CJ). */
  public static byte[] order(String messageId, String orderNumber, String cjOrderId, String status,
      @Nullable String trackNumber, Instant updatedAt) {
    return body(messageId, "ORDER", "UPDATE", "{\"orderNumber\":\"" + orderNumber + "\",\"orderNum\":\"" + orderNumber
        + "\",\"cjOrderId\":" + id(cjOrderId) + ",\"orderStatus\":\"" + status + "\",\"logisticName\":\"CJPacket Ordinary\""
        + ",\"trackNumber\":" + (trackNumber == null ? "null" : "\"" + trackNumber + "\"")
        + ",\"trackingUrl\":" + (trackNumber == null ? "null" : "\"https://www.cjpacket.com/?trackingNumber=" + trackNumber + "\"")
        + ",\"createDate\":\"" + PLAIN.format(updatedAt.minusSeconds(3600)) + "\",\"updateDate\":\"" + PLAIN.format(updatedAt)
        + "\",\"orderItems\":[]}");
  }

  /** A LOGISTIC message (trackingStatus 12 = delivered); the events are a JSON document inside a string. */
  public static byte[] logistic(String messageId, String cjOrderId, String trackingNumber, int trackingStatus, Instant at) {
    String events = "[{\\\"status\\\":\\\"In transit\\\",\\\"activity\\\":\\\"Departed from facility\\\",\\\"location\\\":\\\"Shenzhen\\\",\\\"eventTime\\\":\\\""
        + PLAIN.format(at) + "\\\"}]";
    return body(messageId, "LOGISTIC", "UPDATE", "{\"orderId\":" + id(cjOrderId) + ",\"logisticName\":\"CJPacket Ordinary\""
        + ",\"trackingNumber\":\"" + trackingNumber + "\",\"trackingStatus\":" + trackingStatus
        + ",\"logisticsTrackEvents\":\"" + events + "\",\"updateDate\":\"" + PLAIN.format(at) + "\"}");
  }

  /** An ORDERSPLIT message. */
  public static byte[] orderSplit(String messageId, String originalCjOrderId, Instant at) {
    return body(messageId, "ORDERSPLIT", "INSERT", "{\"originalOrderId\":" + id(originalCjOrderId)
        + ",\"splitReason\":\"Warehouse split\",\"splitOrderList\":[{\"orderCode\":\"SD1-1\",\"orderStatus\":300,\"createAt\":"
        + at.toEpochMilli() + "}],\"orderSplitTime\":\"" + PLAIN.format(at) + "\"}");
  }

  /** A message of a topic the automation does not handle. */
  public static byte[] other(String messageId, String type) {
    return body(messageId, type, "INSERT", "{\"id\":\"x\"}");
  }

  /** CJ's registration probe: no {@code type}. */
  public static byte[] probe() {
    return "{\"messageId\":\"probe\",\"params\":{}}".getBytes(StandardCharsets.UTF_8);
  }

  /** CJ sends its order ids as bare JSON numbers; ids that are not numbers are written as strings. */
  private static String id(String id) {
    return id.chars().allMatch(Character::isDigit) ? id : "\"" + id + "\"";
  }

  private static byte[] body(String messageId, String type, String messageType, String params) {
    return ("{\"messageId\":\"" + messageId + "\",\"type\":\"" + type + "\",\"messageType\":\"" + messageType
        + "\",\"params\":" + params + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** The headers CJ sends with {@code body}, signed with {@code openId}. */
  public static Map<String, String> headers(byte[] body, String openId) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("sign", CjWebhooks.signature(body, openId));
    return h;
  }
}

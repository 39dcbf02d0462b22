package dev.dropsync.cj.testkit.internal;

import static dev.dropsync.cj.testkit.internal.Json.obj;

import dev.dropsync.cj.testkit.WebhookDelivery;
import dev.dropsync.cj.testkit.internal.Catalog.Product;
import dev.dropsync.cj.testkit.internal.Catalog.Variant;
import dev.dropsync.cj.testkit.internal.Catalog.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/** Builds CJ-signed webhook deliveries and posts them to registered callback URLs. */
public final class Webhooks {
  private static final MediaType JSON = MediaType.get("application/json;charset=UTF-8");

  private final SimEngine engine;
  private final OkHttpClient http = new OkHttpClient.Builder()
      .connectTimeout(3, TimeUnit.SECONDS).readTimeout(3, TimeUnit.SECONDS).retryOnConnectionFailure(false).build();

  Webhooks(SimEngine engine) {
    this.engine = engine;
  }

  public static String sign(byte[] body, String openId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(openId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private String openId() {
    return engine.config().accounts().get(0).openId();
  }

  private WebhookDelivery build(String type, String messageType, Object params) {
    String messageId;
    synchronized (engine.lock()) {
      messageId = engine.nextMessageId();
    }
    Map<String, @Nullable Object> payload = new LinkedHashMap<>();
    payload.put("messageId", messageId);
    payload.put("type", type);
    payload.put("messageType", messageType);
    payload.put("openId", Long.parseLong(openId()));
    payload.put("params", params);
    byte[] body = Json.write(payload).getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("sign", sign(body, openId()));
    return new WebhookDelivery(type, messageId, body, headers);
  }

  private SimEngine.Order findOrder(String cjOrderId) {
    SimEngine.Order o = engine.orderLocked(cjOrderId);
    if (o == null) {
      throw new NoSuchElementException("no order with cjOrderId " + cjOrderId);
    }
    return o;
  }

  private static String plain(Instant t) {
    return t.atOffset(ZoneOffset.UTC).format(SimEngine.PLAIN);
  }

  public WebhookDelivery order(String cjOrderId) {
    Object params;
    synchronized (engine.lock()) {
      SimEngine.Order o = findOrder(cjOrderId);
      List<Object> items = new ArrayList<>();
      for (SimEngine.Line l : o.lines) {
        items.add(obj("vid", l.variant.vid, "sku", l.variant.sku, "quantity", l.quantity,
            "storeLineItemId", l.storeLineItemId));
      }
      Instant updated = o.deliveredAt != null ? o.deliveredAt
          : o.shippedAt != null ? o.shippedAt : o.paidAt != null ? o.paidAt : o.createdAt;
      params = obj("orderNumber", o.orderNumber, "orderNum", o.orderNumber, "cjOrderId", new Json.Raw(o.internalId),
          "orderStatus", o.status, "logisticName", o.logisticName, "trackNumber", o.trackNumber,
          "trackingUrl", o.trackNumber == null ? null : "https://www.cjpacket.com/?trackingNumber=" + o.trackNumber,
          "createDate", plain(o.createdAt), "updateDate", plain(updated), "orderItems", items);
    }
    return build("ORDER", "UPDATE", params);
  }

  public WebhookDelivery logistic(String cjOrderId, int trackingStatus) {
    Object params;
    synchronized (engine.lock()) {
      SimEngine.Order o = findOrder(cjOrderId);
      String events = Json.write(List.of(obj("status", "In transit", "activity", "Departed from facility",
          "location", "Shenzhen", "eventTime", plain(engine.config().clock().instant()))));
      params = obj("orderId", new Json.Raw(o.internalId), "logisticName", o.logisticName,
          "trackingNumber", o.trackNumber, "trackingStatus", trackingStatus, "logisticsTrackEvents", events,
          "updateDate", plain(engine.config().clock().instant()));
    }
    return build("LOGISTIC", "UPDATE", params);
  }

  public WebhookDelivery orderSplit(String cjOrderId) {
    Object params;
    synchronized (engine.lock()) {
      SimEngine.Order o = findOrder(cjOrderId);
      Instant now = engine.config().clock().instant();
      List<Object> parts = new ArrayList<>();
      int i = 1;
      for (SimEngine.Line l : o.lines) {
        parts.add(obj("orderCode", o.cjOrderId + "-" + i++, "orderStatus", 300, "createAt", now.toEpochMilli(),
            "productList", List.of(obj("vid", l.variant.vid, "quantity", l.quantity))));
      }
      params = obj("originalOrderId", new Json.Raw(o.internalId), "orderNumber", o.orderNumber,
          "splitReason", "Warehouse split", "splitOrderList", parts, "updateDate", plain(now));
    }
    return build("ORDERSPLIT", "INSERT", params);
  }

  public WebhookDelivery product(String pid) {
    Object params;
    synchronized (engine.lock()) {
      Product p = engine.catalogLocked().product(pid);
      if (p == null) {
        throw new NoSuchElementException("no product with pid " + pid);
      }
      params = obj("pid", p.pid, "productName", "[\"" + p.nameCn + "\"]", "productNameEn", p.nameEn,
          "productSku", p.sku, "productSellPrice", p.variants.isEmpty() ? null : p.variants.get(0).price,
          "productStatus", p.offline ? 2 : 3, "categoryId", p.categoryId,
          "fields", List.of("productStatus", "productSellPrice"));
    }
    return build("PRODUCT", "UPDATE", params);
  }

  public WebhookDelivery variant(String vid) {
    Object params;
    synchronized (engine.lock()) {
      Variant v = engine.catalogLocked().variant(vid);
      if (v == null) {
        throw new NoSuchElementException("no variant with vid " + vid);
      }
      params = obj("vid", v.vid, "pid", v.product.pid, "variantSku", v.sku, "variantKey", v.key,
          "variantSellPrice", v.price, "variantStatus", v.product.offline ? 0 : 1, "variantWeight", v.weight,
          "fields", List.of("variantSellPrice"));
    }
    return build("VARIANT", "UPDATE", params);
  }

  public WebhookDelivery stock(String vid) {
    Object params;
    synchronized (engine.lock()) {
      Variant v = engine.catalogLocked().variant(vid);
      if (v == null) {
        throw new NoSuchElementException("no variant with vid " + vid);
      }
      List<Object> rows = new ArrayList<>();
      for (Map.Entry<Warehouse, int[]> e : v.stock.entrySet()) {
        rows.add(obj("vid", v.vid, "areaId", Integer.toString(e.getKey().areaId()), "areaEn", e.getKey().areaEn(),
            "countryCode", e.getKey().countryCode(), "storageNum", e.getValue()[0] + e.getValue()[1]));
      }
      params = obj(v.vid, rows);
    }
    return build("STOCK", "UPDATE", params);
  }

  private static String topic(String type) {
    return switch (type) {
      case "PRODUCT", "VARIANT" -> "product";
      case "STOCK" -> "stock";
      case "LOGISTIC" -> "logistics";
      default -> "order";
    };
  }

  public int deliver(WebhookDelivery d) {
    String url = engine.webhookUrl(topic(d.type()));
    if (url == null) {
      throw new IllegalStateException("no callback URL registered via /webhook/set for topic "
          + topic(d.type()) + " (type " + d.type() + ")");
    }
    Request.Builder rb = new Request.Builder().url(url).post(RequestBody.create(d.body(), JSON));
    for (Map.Entry<String, String> h : d.headers().entrySet()) {
      rb.header(h.getKey(), h.getValue());
    }
    try (Response r = http.newCall(rb.build()).execute()) {
      return r.code();
    } catch (IOException e) {
      throw new UncheckedIOException("webhook delivery to " + url + " failed", e);
    }
  }

  int probe(HttpUrl url) {
    byte[] body = "{\"messageId\":\"probe\",\"params\":{}}".getBytes(StandardCharsets.UTF_8);
    Request req = new Request.Builder().url(url).post(RequestBody.create(body, JSON))
        .header("sign", sign(body, openId())).build();
    try (Response r = http.newCall(req).execute()) {
      return r.code();
    } catch (IOException e) {
      return 0;
    }
  }

  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}

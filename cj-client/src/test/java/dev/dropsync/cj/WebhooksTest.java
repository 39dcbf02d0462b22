package dev.dropsync.cj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.model.WebhookMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhooksTest {
  private static final String OPEN_ID = "37995";

  private static byte[] body(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void acceptsGenuineSignatureAndParsesOrderWithBigId() {
    byte[] raw = body("{\"messageId\":\"m-1\",\"type\":\"ORDER\",\"messageType\":\"UPDATE\",\"openId\":37995,\"params\":{"
        + "\"orderNumber\":\"shop-1001\",\"cjOrderId\":210823100016290555,\"orderStatus\":\"SHIPPED\",\"logisticName\":\"USPS+\","
        + "\"trackNumber\":\"CJPKL1\",\"trackingUrl\":\"https://t/1\",\"updateDate\":\"2026-11-24 10:00:00\",\"extra\":1}}");
    String sign = CjWebhooks.signature(raw, OPEN_ID);
    WebhookMessage m = CjWebhooks.verifyAndParse(raw, sign, OPEN_ID);
    assertThat(m).isInstanceOfSatisfying(WebhookMessage.Order.class, o -> {
      assertThat(o.cjOrderId()).isEqualTo("210823100016290555");
      assertThat(o.orderStatus()).isEqualTo("SHIPPED");
      assertThat(o.updatedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
      assertThat(o.messageId()).isEqualTo("m-1");
      assertThat(o.toString()).doesNotContain(OPEN_ID);
    });
  }

  @Test
  void rejectsTamperedForgedMissingAndMalformedSignatures() {
    byte[] raw = body("{\"type\":\"ORDER\",\"params\":{\"orderNumber\":\"a\"}}");
    String sign = CjWebhooks.signature(raw, OPEN_ID);
    byte[] tampered = body("{\"type\":\"ORDER\",\"params\":{\"orderNumber\":\"b\"}}");
    assertThatThrownBy(() -> CjWebhooks.verify(tampered, sign, OPEN_ID)).isInstanceOf(CjWebhookSignatureException.class);
    assertThatThrownBy(() -> CjWebhooks.verify(raw, CjWebhooks.signature(raw, "99999"), OPEN_ID))
        .isInstanceOf(CjWebhookSignatureException.class).hasMessageNotContaining(OPEN_ID);
    assertThatThrownBy(() -> CjWebhooks.verify(raw, null, OPEN_ID)).hasMessageContaining("missing");
    assertThatThrownBy(() -> CjWebhooks.verify(raw, "%%%not-base64", OPEN_ID)).hasMessageContaining("Base64");
    CjWebhooks.verify(raw, sign, OPEN_ID);
  }

  @Test
  void parsesLogisticEventsFromJsonInsideAString() {
    WebhookMessage m = CjWebhooks.parse(body("{\"messageId\":\"m-2\",\"type\":\"LOGISTIC\",\"messageType\":\"UPDATE\",\"params\":{"
        + "\"orderId\":210823100016290556,\"trackingNumber\":\"CJPKL2\",\"logisticName\":\"CJPacket\",\"trackingStatus\":12,"
        + "\"logisticsTrackEvents\":\"[{\\\"eventTime\\\":\\\"2026-11-20 08:00:00\\\",\\\"description\\\":\\\"Delivered\\\",\\\"location\\\":\\\"NY\\\"}]\"}}"));
    assertThat(m).isInstanceOfSatisfying(WebhookMessage.Logistic.class, l -> {
      assertThat(l.orderId()).isEqualTo("210823100016290556");
      assertThat(l.delivered()).isTrue();
      assertThat(l.events()).containsExactly(new WebhookMessage.TrackEvent(Instant.parse("2026-11-20T08:00:00Z"), "Delivered", "NY"));
    });
  }

  @Test
  void parsesProductVariantStockAndSplitMessages() {
    assertThat(CjWebhooks.parse(body("{\"type\":\"PRODUCT\",\"messageType\":\"UPDATE\",\"params\":{\"pid\":\"P1\",\"productSellPrice\":\"1.20-3.50\",\"productStatus\":\"2\",\"fields\":[\"productSellPrice\"]}}")))
        .isInstanceOfSatisfying(WebhookMessage.Product.class, p -> {
          assertThat(p.productStatus()).isEqualTo(2);
          assertThat(p.sellPrice()).isNotNull();
          assertThat(p.fields()).containsExactly("productSellPrice");
        });
    assertThat(CjWebhooks.parse(body("{\"type\":\"VARIANT\",\"params\":{\"vid\":1371342252697325568,\"variantSellPrice\":\"4.10\",\"variantStatus\":0}}")))
        .isInstanceOfSatisfying(WebhookMessage.Variant.class, v -> assertThat(v.vid()).isEqualTo("1371342252697325568"));
    assertThat(CjWebhooks.parse(body("{\"type\":\"STOCK\",\"params\":{\"V1\":[{\"vid\":\"V1\",\"areaId\":2,\"countryCode\":\"US\",\"storageNum\":\"7\"}]}}")))
        .isInstanceOfSatisfying(WebhookMessage.Stock.class, s -> assertThat(s.byVid().get("V1")).extracting(WebhookMessage.StockChange::storageNum).containsExactly(7L));
    assertThat(CjWebhooks.parse(body("{\"type\":\"ORDERSPLIT\",\"params\":{\"originalOrderId\":210823100016290557,\"splitOrderList\":[{\"orderCode\":\"SD1\",\"orderStatus\":300,\"createAt\":1790000000000}]}}")))
        .isInstanceOfSatisfying(WebhookMessage.OrderSplit.class, s -> {
          assertThat(s.originalOrderId()).isEqualTo("210823100016290557");
          assertThat(s.splitOrders().get(0).orderStatus()).isEqualTo(300);
        });
    assertThat(CjWebhooks.parse(body("{\"messageId\":\"probe\"}"))).isInstanceOf(WebhookMessage.Other.class);
    assertThatThrownBy(() -> CjWebhooks.parse(body("not json"))).isInstanceOf(CjWebhookSignatureException.class);
  }
}

package dev.dropsync.cj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookTest {
  final SimClock clock = SimClock.at(Instant.parse("2026-11-24T08:00:00Z"));
  CjSimulator sim = CjSimulator.builder().clock(clock).products(10).seed(4).build().start();
  Api api = new Api(sim);
  String vid = sim.catalog().inStockVariantIds().get(0);

  @AfterEach
  void tearDown() {
    api.close();
    sim.close();
  }

  static boolean verify(byte[] body, String sign, String openId) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(openId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal(body);
    return MessageDigest.isEqual(expected, Base64.getDecoder().decode(sign));
  }

  private String paidOrder(String number) {
    api.login();
    return api.post("/shopping/order/createOrderV2", OrderTest.order(number, vid, ",\"payType\":2")).data()
        .get("orderId").str();
  }

  @Test
  void orderWebhookIsSignedWithOpenIdAndCarriesBigNumericId() throws Exception {
    String sd = paidOrder("wh-1");
    WebhookDelivery d = sim.webhooks().order(sd);
    assertThat(verify(d.body(), d.sign(), sim.openId())).isTrue();
    assertThat(verify(d.body(), d.sign(), "1" + sim.openId())).isFalse();
    SimOrder o = sim.orders().byCjOrderId(sd).orElseThrow();
    assertThat(Long.parseLong(o.internalId())).isGreaterThan(1L << 53);
    assertThat(d.bodyText()).contains("\"cjOrderId\":" + o.internalId() + ",");
    Js params = Js.parse(d.bodyText()).get("params");
    assertThat(params.get("orderNumber").str()).isEqualTo("wh-1");
    assertThat(params.get("orderStatus").str()).isEqualTo("UNSHIPPED");
    assertThat(params.get("updateDate").str()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(Js.parse(d.bodyText()).get("type").str()).isEqualTo("ORDER");
  }

  @Test
  void tamperedBodyFailsVerification() throws Exception {
    WebhookDelivery d = sim.webhooks().product(sim.catalog().productIds().get(0));
    WebhookDelivery forged = d.withTamperedBody(d.bodyText().replace("UPDATE", "DELETE").getBytes(StandardCharsets.UTF_8));
    assertThat(verify(forged.body(), forged.sign(), sim.openId())).isFalse();
    assertThat(sim.webhooks().sign(d.body())).isEqualTo(d.sign());
  }

  @Test
  void logisticWebhookCarriesTrackEventsAsJsonString() throws Exception {
    String sd = paidOrder("wh-2");
    clock.advance(Duration.ofDays(3));
    WebhookDelivery d = sim.webhooks().logistic(sd, 6);
    assertThat(verify(d.body(), d.sign(), sim.openId())).isTrue();
    Js params = Js.parse(d.bodyText()).get("params");
    assertThat(params.get("trackingStatus").lng()).isEqualTo(6);
    assertThat(params.get("trackingNumber").str()).startsWith("CJPKL");
    String events = params.get("logisticsTrackEvents").str();
    assertThat(Js.parse(events).at(0).get("status").str()).isEqualTo("In transit");
  }

  @Test
  void everyTopicProducesAVerifiableMessage() throws Exception {
    String sd = paidOrder("wh-3");
    for (WebhookDelivery d : List.of(sim.webhooks().product(sim.catalog().productIdOf(vid)),
        sim.webhooks().variant(vid), sim.webhooks().stock(vid), sim.webhooks().order(sd),
        sim.webhooks().orderSplit(sd), sim.webhooks().logistic(sd, 1))) {
      assertThat(verify(d.body(), d.sign(), sim.openId())).as(d.type()).isTrue();
      assertThat(Js.parse(d.bodyText()).get("messageId").str()).isEqualTo(d.messageId());
    }
    Js stock = Js.parse(sim.webhooks().stock(vid).bodyText()).get("params").get(vid).at(0);
    assertThat(stock.get("storageNum").lng()).isEqualTo(sim.catalog().stock(vid));
  }

  @Test
  void webhookSetProbesAndDeliveriesArePostedWithDuplicatesAndReordering() throws Exception {
    try (MockWebServer receiver = new MockWebServer()) {
      for (int i = 0; i < 5; i++) {
        receiver.enqueue(new MockResponse.Builder().code(200).build());
      }
      receiver.start();
      String url = receiver.url("/cj/hook").toString();
      api.login();
      Api.Resp set = api.post("/webhook/set", "{\"order\":{\"type\":\"ENABLE\",\"callbackUrls\":[\"" + url + "\"]}}");
      assertThat(set.code()).isEqualTo(200);
      RecordedRequest probe = receiver.takeRequest(5, TimeUnit.SECONDS);
      assertThat(probe).isNotNull();
      assertThat(sim.webhooks().callbackUrl("order")).contains(url);

      String sd = api.post("/shopping/order/createOrderV2", OrderTest.order("wh-4", vid, ",\"payType\":2")).data()
          .get("orderId").str();
      WebhookDelivery d = sim.webhooks().order(sd);
      assertThat(sim.webhooks().deliverDuplicated(d, 2)).containsExactly(200, 200);
      WebhookDelivery split = sim.webhooks().orderSplit(sd);
      assertThat(sim.webhooks().deliverReversed(List.of(d, split))).containsExactly(200, 200);
      RecordedRequest first = receiver.takeRequest(5, TimeUnit.SECONDS);
      RecordedRequest second = receiver.takeRequest(5, TimeUnit.SECONDS);
      RecordedRequest third = receiver.takeRequest(5, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(second).isNotNull();
      assertThat(third).isNotNull();
      assertThat(first.getHeaders().get("sign")).isEqualTo(d.sign());
      assertThat(first.getBody()).isNotNull();
      assertThat(first.getBody().toByteArray()).isEqualTo(d.body());
      assertThat(second.getBody()).isNotNull();
      assertThat(second.getBody().toByteArray()).isEqualTo(d.body());
      assertThat(third.getBody()).isNotNull();
      assertThat(third.getBody().toByteArray()).isEqualTo(split.body());
    }
  }

  @Test
  void webhookSetRejectsFailedProbeAndStrictModeRejectsLocalhost() throws Exception {
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.enqueue(new MockResponse.Builder().code(500).build());
      receiver.start();
      api.login();
      String url = receiver.url("/hook").toString();
      assertThat(api.post("/webhook/set", "{\"stock\":{\"type\":\"ENABLE\",\"callbackUrls\":[\"" + url + "\"]}}")
          .code()).isEqualTo(1600300);
      assertThat(sim.webhooks().callbackUrl("stock")).isEmpty();
    }
    try (CjSimulator strict = CjSimulator.builder().clock(clock).products(1).strictWebhookUrls(true).build().start();
        Api a = new Api(strict)) {
      a.login();
      assertThat(a.post("/webhook/set",
          "{\"order\":{\"type\":\"ENABLE\",\"callbackUrls\":[\"https://localhost/x\"]}}").code()).isEqualTo(1607001);
      assertThat(a.post("/webhook/set",
          "{\"order\":{\"type\":\"ENABLE\",\"callbackUrls\":[\"http://shop.example.com/x\"]}}").code())
          .isEqualTo(1607002);
    }
  }

  @Test
  void productSubscribeSplitsKnownAndUnknownIds() {
    api.login();
    String pid = sim.catalog().productIds().get(0);
    Api.Resp r = api.post("/webhook/product/subscribe", "{\"productIds\":[\"" + pid + "\",\"NOPE\"]}");
    assertThat(r.data().get("successProductIds").at(0).str()).isEqualTo(pid);
    assertThat(r.data().get("failProductIds").at(0).str()).isEqualTo("NOPE");
    assertThat(r.json().get("pointsInfo").get("usedToday").lng()).isEqualTo(10);
    assertThat(sim.webhooks().subscribedProductIds()).containsExactly(pid);
  }
}

package dev.dropsync.cj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderTest {
  final SimClock clock = SimClock.at(Instant.parse("2026-11-24T08:00:00Z"));
  CjSimulator sim = CjSimulator.builder().clock(clock).products(40).seed(5).shipAfter(Duration.ofDays(2))
      .deliverAfter(Duration.ofDays(6)).build().start();
  Api api = new Api(sim);
  String vid = sim.catalog().inStockVariantIds().get(0);

  @AfterEach
  void tearDown() {
    api.close();
    sim.close();
  }

  static String order(String orderNumber, String vid, String extra) {
    return "{\"orderNumber\":\"" + orderNumber + "\",\"shippingCountryCode\":\"US\","
        + "\"shippingCountry\":\"United States\",\"shippingProvince\":\"NY\",\"shippingCity\":\"New York\","
        + "\"shippingAddress\":\"1 Main St\",\"shippingZip\":\"10001\",\"shippingCustomerName\":\"Jane Doe\","
        + "\"fromCountryCode\":\"CN\",\"logisticName\":\"CJPacket Ordinary\",\"platform\":\"shopify\""
        + extra + ",\"products\":[{\"vid\":\"" + vid + "\",\"quantity\":2,\"storeLineItemId\":\"li-1\"}]}";
  }

  @Test
  void freightQuotesAreDeterministicAndNamesAreAcceptedByCreateOrder() {
    api.login();
    String body = "{\"startCountryCode\":\"CN\",\"endCountryCode\":\"US\",\"zip\":\"10001\","
        + "\"products\":[{\"vid\":\"" + vid + "\",\"quantity\":2}]}";
    List<Js> quotes = api.post("/logistic/freightCalculate", body).data().items();
    List<Js> again = api.post("/logistic/freightCalculate", body).data().items();
    assertThat(quotes.toString()).isEqualTo(again.toString());
    assertThat(quotes).extracting(q -> q.get("logisticName").str()).contains("CJPacket Ordinary", "USPS+");
    assertThat(quotes).anyMatch(q -> q.get("logisticPrice").raw() instanceof String);
    assertThat(quotes).anyMatch(q -> q.get("logisticPrice").raw() instanceof Number);
    Js toDe = api.post("/logistic/freightCalculate", body.replace("\"US\"", "\"DE\"")).data();
    assertThat(toDe.items()).noneMatch(q -> q.get("logisticName").str().equals("USPS+"));
    for (Js q : quotes) {
      String name = q.get("logisticName").str();
      Api.Resp r = api.post("/shopping/order/createOrderV2",
          order("q-" + name, vid, ",\"payType\":3").replace("CJPacket Ordinary", name));
      assertThat(r.code()).as(name).isEqualTo(200);
      assertThat(r.data().get("postageAmount").num()).isEqualTo(q.get("totalPostageFee").num());
    }
  }

  @Test
  void orderAdvancesThroughLifecycleOnTheClock() {
    api.login();
    Js created = api.post("/shopping/order/createOrderV2", order("shop-1001", vid, ",\"payType\":3")).data();
    String sd = created.get("orderId").str();
    assertThat(sd).matches("SD\\d{20}");
    assertThat(created.get("orderStatus").str()).isEqualTo("CREATED");
    assertThat(created.get("orderAmount").isNull()).isTrue();
    assertThat(created.get("shipmentOrderId").isNull()).isTrue();
    assertThat(created.get("productInfoList").at(0).get("storeLineItemId").str()).isEqualTo("li-1");

    assertThat(api.call("PATCH", "/shopping/order/confirmOrder", "{\"orderId\":\"" + sd + "\"}").code())
        .isEqualTo(200);
    assertThat(status(sd)).isEqualTo("UNPAID");
    BigDecimal before = sim.orders().balance();
    int stockBefore = sim.catalog().stock(vid);
    Api.Resp paid = api.post("/shopping/pay/payBalance", "{\"orderId\":\"" + sd + "\"}");
    assertThat(paid.code()).isEqualTo(200);
    assertThat(paid.data().isNull()).isTrue();
    SimOrder o = sim.orders().byCjOrderId(sd).orElseThrow();
    assertThat(sim.orders().balance()).isEqualByComparingTo(before.subtract(o.productAmount().add(o.postageAmount())));
    assertThat(sim.catalog().stock(vid)).isEqualTo(stockBefore - 2);
    Js detail = api.get("/shopping/order/getOrderDetail", "orderId", sd).data();
    assertThat(detail.get("orderStatus").str()).isEqualTo("UNSHIPPED");
    assertThat(detail.get("subStatus").str()).isEqualTo("PENDING");
    assertThat(detail.get("trackNumber").isNull()).isTrue();
    assertThat(detail.get("createDate").str()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

    clock.advance(Duration.ofDays(2));
    Js shipped = api.get("/shopping/order/getOrderDetail", "orderId", sd).data();
    assertThat(shipped.get("orderStatus").str()).isEqualTo("SHIPPED");
    String track = shipped.get("trackNumber").str();
    assertThat(track).startsWith("CJPKL");
    Js info = api.get("/logistic/trackInfo", "trackNumber", track).data().at(0);
    assertThat(info.get("trackingStatus").str()).isEqualTo("In transit");

    clock.advance(Duration.ofDays(6));
    assertThat(status(sd)).isEqualTo("DELIVERED");
    assertThat(api.get("/logistic/trackInfo", "trackNumber", track).data().at(0).get("trackingStatus").str())
        .isEqualTo("Delivered");
  }

  private String status(String sd) {
    return api.get("/shopping/order/getOrderDetail", "orderId", sd).data().get("orderStatus").str();
  }

  @Test
  void payType2ConfirmsAndDebitsAtOnce() {
    api.login();
    Js created = api.post("/shopping/order/createOrderV2", order("shop-2", vid, ",\"payType\":2")).data();
    assertThat(created.get("orderStatus").str()).isEqualTo("UNSHIPPED");
    assertThat(created.get("orderAmount").num()).isPositive();
  }

  @Test
  void payType1ReturnsPayUrlAndV3CreatesWithoutPaying() {
    api.login();
    assertThat(api.post("/shopping/order/createOrderV2", order("p1", vid, "")).data().get("cjPayUrl").str())
        .startsWith("https://");
    Js v3 = api.post("/shopping/order/createOrderV3", order("p3", vid, "")).data();
    assertThat(v3.get("orderStatus").str()).isEqualTo("CREATED");
    assertThat(v3.get("cjPayUrl").isNull()).isTrue();
  }

  @Test
  void insufficientBalanceIs1604000AndOrderStaysUnpaid() {
    api.login();
    sim.orders().setBalance(new BigDecimal("1.00"));
    String sd = api.post("/shopping/order/createOrderV2", order("poor", vid, ",\"payType\":3")).data()
        .get("orderId").str();
    api.call("PATCH", "/shopping/order/confirmOrder", "{\"orderId\":\"" + sd + "\"}");
    assertThat(api.post("/shopping/pay/payBalance", "{\"orderId\":\"" + sd + "\"}").code()).isEqualTo(1604000);
    assertThat(sim.orders().byCjOrderId(sd).orElseThrow().status()).isEqualTo("UNPAID");
    assertThat(sim.orders().balance()).isEqualByComparingTo("1.00");
  }

  @Test
  void paymentOfUnconfirmedOrderIsRefused() {
    api.login();
    String sd = api.post("/shopping/order/createOrderV2", order("nc", vid, ",\"payType\":3")).data()
        .get("orderId").str();
    Api.Resp r = api.post("/shopping/pay/payBalance", "{\"orderId\":\"" + sd + "\"}");
    assertThat(r.code()).isEqualTo(1603101);
    assertThat(r.json().get("message").str()).contains("CREATED(100)");
  }

  @Test
  void createOrderValidatesLikeCj() {
    api.login();
    String ok = order("v-1", vid, ",\"payType\":3");
    assertThat(api.post("/shopping/order/createOrderV2", ok.replace(",\"platform\":\"shopify\"", "")).code())
        .isEqualTo(5027);
    assertThat(api.post("/shopping/order/createOrderV2", ok.replace("shopify", "Api")).code()).isEqualTo(5027);
    assertThat(api.post("/shopping/order/createOrderV2", ok.replace("\"payType\":3", "\"shopLogisticsType\":1"))
        .code()).isEqualTo(5030);
    Api.Resp missing = api.post("/shopping/order/createOrderV2", ok.replace("\"shippingCity\":\"New York\",", ""));
    assertThat(missing.code()).isEqualTo(1600300);
    assertThat(missing.json().get("message").str()).contains("shippingCity");
    assertThat(api.post("/shopping/order/createOrderV2", ok.replace("CJPacket Ordinary", "Teleport")).code())
        .isEqualTo(1605000);
    assertThat(api.post("/shopping/order/createOrderV2", ok.replace(vid, "1999999999999999999")).code())
        .isEqualTo(1602000);
    assertThat(api.post("/shopping/order/createOrderV2", ok.replace("\"quantity\":2", "\"quantity\":0")).code())
        .isEqualTo(1600300);
    sim.catalog().takeOffline(sim.catalog().productIdOf(vid));
    assertThat(api.post("/shopping/order/createOrderV2", ok).code()).isEqualTo(1602002);
    assertThat(sim.orders().count()).isZero();
  }

  @Test
  void duplicateOrderNumberIsAcceptedAsSecondOrderByDefault() {
    api.login();
    String a = api.post("/shopping/order/createOrderV2", order("dup-1", vid, ",\"payType\":3")).data()
        .get("orderId").str();
    String b = api.post("/shopping/order/createOrderV2", order("dup-1", vid, ",\"payType\":3")).data()
        .get("orderId").str();
    assertThat(a).isNotEqualTo(b);
    assertThat(sim.orders().byOrderNumber("dup-1")).hasSize(2);
    assertThat(sim.recorder().duplicateOrderNumbers()).containsExactly("dup-1");
  }

  @Test
  void duplicateOrderNumberCanBeRejectedWith1603003() {
    try (CjSimulator strict = CjSimulator.builder().clock(clock).products(10).rejectDuplicateOrderNumbers(true)
        .build().start(); Api a = new Api(strict)) {
      a.login();
      String v = strict.catalog().inStockVariantIds().get(0);
      assertThat(a.post("/shopping/order/createOrderV2", order("d", v, "")).code()).isEqualTo(200);
      assertThat(a.post("/shopping/order/createOrderV2", order("d", v, "")).code()).isEqualTo(1603003);
      assertThat(strict.orders().count()).isEqualTo(1);
    }
  }

  @Test
  void orderListDefaultsToCancelledAndUsesInternalIds() {
    api.login();
    Js created = api.post("/shopping/order/createOrderV2", order("L-1", vid, ",\"payType\":3")).data();
    String sd = created.get("orderId").str();
    assertThat(api.get("/shopping/order/list").data().get("total").lng()).isZero();
    Js page = api.get("/shopping/order/list", "status", "CREATED").data();
    assertThat(page.get("pageNum").str()).isEqualTo("1");
    Js row = page.get("list").at(0);
    assertThat(row.get("orderNum").str()).isEqualTo("L-1");
    assertThat(row.get("cjOrderId").str()).isEqualTo(sd);
    String internal = row.get("orderId").str();
    assertThat(internal).matches("\\d{19}");
    assertThat(api.get("/shopping/order/list", "orderIds", sd).data().get("total").lng()).isEqualTo(1);
    assertThat(api.get("/shopping/order/getOrderDetail", "orderId", "L-1").data().get("cjOrderId").str())
        .isEqualTo(sd);
    assertThat(api.get("/shopping/order/getOrderDetail", "orderId", internal).code()).isEqualTo(1603100);
  }

  @Test
  void deleteOrderCancelsOnlyUnconfirmedOrders() {
    api.login();
    String sd = api.post("/shopping/order/createOrderV2", order("del", vid, ",\"payType\":3")).data()
        .get("orderId").str();
    Api.Resp r = api.call("DELETE", "/shopping/order/deleteOrder", null, "orderId", sd);
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.data().str()).isEqualTo(sd);
    assertThat(api.get("/shopping/order/list").data().get("total").lng()).isEqualTo(1);
    String paid = api.post("/shopping/order/createOrderV2", order("del2", vid, ",\"payType\":2")).data()
        .get("orderId").str();
    assertThat(api.call("DELETE", "/shopping/order/deleteOrder", null, "orderId", paid).code()).isEqualTo(1603002);
  }

  @Test
  void balanceEndpointReportsWallet() {
    api.login();
    assertThat(api.get("/shopping/pay/getBalance").data().get("amount").num()).isEqualTo(10_000.0);
  }
}

package dev.dropsync.cj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultTest {
  final SimClock clock = SimClock.at(Instant.parse("2026-11-24T08:00:00Z"));
  CjSimulator sim = CjSimulator.builder().clock(clock).products(20).seed(9).build().start();
  Api api = new Api(sim);
  String vid = sim.catalog().inStockVariantIds().get(0);
  String pid = sim.catalog().productIds().get(0);

  @AfterEach
  void tearDown() {
    api.close();
    sim.close();
  }

  @Test
  void busyAndReadTimeoutCodesHitOnlyTheNextNCallsOfTheEndpoint() {
    api.login();
    sim.faults().next(Endpoint.PRODUCT_QUERY, 2, Fault.busy()).next(Endpoint.STOCK_BY_VID, 1, Fault.readTimeoutCode());
    assertThat(sim.faults().pending(Endpoint.PRODUCT_QUERY)).isEqualTo(2);
    assertThat(api.get("/setting/get").code()).isEqualTo(200);
    Api.Resp busy = api.get("/product/query", "pid", pid);
    assertThat(busy.status()).isEqualTo(200);
    assertThat(busy.code()).isEqualTo(1600000);
    assertThat(busy.json().get("result").bool()).isFalse();
    assertThat(api.get("/product/query", "pid", pid).code()).isEqualTo(1600000);
    assertThat(api.get("/product/query", "pid", pid).code()).isEqualTo(200);
    assertThat(api.get("/product/stock/queryByVid", "vid", vid).code()).isEqualTo(1600301);
    assertThat(api.get("/product/stock/queryByVid", "vid", vid).code()).isEqualTo(200);
  }

  @Test
  void faultedCallsAreNotChargedPoints() {
    api.login();
    sim.faults().next(Endpoint.PRODUCT_QUERY, 1, Fault.busy());
    long before = sim.pointsRemaining();
    api.get("/product/query", "pid", pid);
    assertThat(sim.pointsRemaining()).isEqualTo(before);
  }

  @Test
  void serverErrorSendsHtml5xx() {
    api.login();
    sim.faults().next(Endpoint.PRODUCT_LIST, 1, Fault.serverError(502));
    Api.Resp r = api.get("/product/list");
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.body()).startsWith("<html>");
    assertThat(api.get("/product/list").status()).isEqualTo(200);
  }

  @Test
  void badRequestAndTooManyRequestsAndCustomCode() {
    api.login();
    sim.faults().next(Endpoint.SETTING_GET, 1, Fault.badRequest()).next(Endpoint.SETTING_GET, 1,
        Fault.tooManyRequests()).next(Endpoint.SETTING_GET, 1, Fault.cjError(1603000, "Order create failed"));
    Api.Resp bad = api.get("/setting/get");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo(1600300);
    Api.Resp tooMany = api.get("/setting/get");
    assertThat(tooMany.status()).isEqualTo(429);
    assertThat(tooMany.headers().get("Retry-After")).isEqualTo("1");
    assertThat(tooMany.code()).isEqualTo(1600200);
    assertThat(api.get("/setting/get").code()).isEqualTo(1603000);
    assertThat(sim.recorder().throttleViolations()).isZero();
  }

  @Test
  void delayHoldsTheAnswerLongerThanTheClientReadTimeoutButApplies() {
    try (Api impatient = new Api(sim, 150)) {
      impatient.login();
      sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.delay(Duration.ofMillis(1500)));
      assertThatThrownBy(() -> impatient.callOrThrow("POST", "/shopping/order/createOrderV2",
          OrderTest.order("slow-1", vid, ",\"payType\":3"))).isInstanceOf(InterruptedIOException.class);
      assertThat(sim.orders().byOrderNumber("slow-1")).hasSize(1);
    }
  }

  @Test
  void disconnectDropsConnectionWithoutApplying() {
    api.login();
    sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.disconnect());
    assertThatThrownBy(() -> api.callOrThrow("POST", "/shopping/order/createOrderV2",
        OrderTest.order("drop-1", vid, ",\"payType\":3"))).isInstanceOf(IOException.class);
    assertThat(sim.orders().count()).isZero();
    assertThat(sim.recorder().calls(Endpoint.CREATE_ORDER_V2).get(0).httpStatus()).isZero();
  }

  @Test
  void lostResponseCreatesTheOrderButTheCallerSeesOnlyAnIoError() {
    api.login();
    sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.lostResponse());
    assertThatThrownBy(() -> api.callOrThrow("POST", "/shopping/order/createOrderV2",
        OrderTest.order("lost-1", vid, ",\"payType\":3"))).isInstanceOf(IOException.class);
    assertThat(sim.orders().byOrderNumber("lost-1")).hasSize(1);
    Js found = api.get("/shopping/order/list", "status", "CREATED").data();
    assertThat(found.get("list").at(0).get("orderNum").str()).isEqualTo("lost-1");
  }

  @Test
  void malformedJsonIsNotParseable() {
    api.login();
    sim.faults().next(Endpoint.PRODUCT_LIST, 1, Fault.malformedJson());
    Api.Resp r = api.get("/product/list");
    assertThat(r.status()).isEqualTo(200);
    assertThatThrownBy(r::json).hasMessageContaining("not JSON");
  }

  @Test
  void truncatedJsonEndsTheStreamEarly() {
    api.login();
    sim.faults().next(Endpoint.PRODUCT_LIST, 1, Fault.truncatedJson());
    assertThatThrownBy(() -> api.callOrThrow("GET", "/product/list", null)).isInstanceOf(IOException.class);
    assertThat(api.get("/product/list").code()).isEqualTo(200);
  }

  @Test
  void tokenExpiredFaultKillsTheTokenButRefreshStillWorks() {
    Js pair = api.post("/authentication/getAccessToken", "{\"apiKey\":\"" + sim.apiKey() + "\"}").data();
    api.token = pair.get("accessToken").str();
    sim.faults().next(Endpoint.PRODUCT_LIST, 1, Fault.tokenExpired());
    assertThat(api.get("/product/list").code()).isEqualTo(1600001);
    assertThat(api.get("/setting/get").code()).isEqualTo(1600001);
    Js fresh = api.post("/authentication/refreshAccessToken",
        "{\"refreshToken\":\"" + pair.get("refreshToken").str() + "\"}").data();
    api.token = fresh.get("accessToken").str();
    assertThat(api.get("/setting/get").code()).isEqualTo(200);
  }

  @Test
  void expireAccessTokensOnDemand() {
    api.login();
    assertThat(sim.faults().expireAccessTokens()).isEqualTo(1);
    assertThat(api.get("/setting/get").code()).isEqualTo(1600001);
  }

  @Test
  void nextAnyHitsWhicheverEndpointComesNext() {
    api.login();
    sim.faults().nextAny(1, Fault.busy());
    assertThat(api.get("/shopping/pay/getBalance").code()).isEqualTo(1600000);
    assertThat(api.get("/shopping/pay/getBalance").code()).isEqualTo(200);
  }

  @Test
  void rateFaultsAreSeededAndRepeatable() {
    int first = busyCountAtRate(sim, api);
    try (CjSimulator twin = CjSimulator.builder().clock(clock).products(20).seed(9).build().start();
        Api a2 = new Api(twin)) {
      assertThat(busyCountAtRate(twin, a2)).isEqualTo(first);
    }
    assertThat(first).isBetween(5, 35);
  }

  private static int busyCountAtRate(CjSimulator s, Api a) {
    a.login();
    s.faults().rate(Endpoint.GET_BALANCE, 0.4, Fault.busy());
    int busy = 0;
    for (int i = 0; i < 50; i++) {
      if (a.get("/shopping/pay/getBalance").code() == 1600000) {
        busy++;
      }
    }
    s.faults().clear();
    assertThat(a.get("/shopping/pay/getBalance").code()).isEqualTo(200);
    return busy;
  }

  @Test
  void aRateFaultDrawsEachFailureFromItsListAndRepeatsWithTheSeed() {
    java.util.List<Long> first = mixedCodesAtRate(sim, api);
    try (CjSimulator twin = CjSimulator.builder().clock(clock).products(20).seed(9).build().start();
        Api a2 = new Api(twin)) {
      assertThat(mixedCodesAtRate(twin, a2)).isEqualTo(first);
    }
    assertThat(first).contains(1600000L, 1600301L, 200L);
    assertThat(first).filteredOn(c -> c == 200L).hasSizeBetween(10, 50);
  }

  private static java.util.List<Long> mixedCodesAtRate(CjSimulator s, Api a) {
    a.login();
    s.faults().rate(Endpoint.GET_BALANCE, 0.5, java.util.List.of(Fault.busy(), Fault.readTimeoutCode()));
    java.util.List<Long> codes = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      codes.add(a.get("/shopping/pay/getBalance").code());
    }
    assertThat(codes).allMatch(c -> c == 200L || c == 1600000L || c == 1600301L);
    s.faults().clear();
    return codes;
  }

  @Test
  void faultFactoriesRejectBadInput() {
    assertThatThrownBy(() -> sim.faults().rate(Endpoint.LOGOUT, 0.1, java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("faults");
    assertThatThrownBy(() -> Fault.serverError(404)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("404");
    assertThatThrownBy(() -> Fault.delay(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.faults().next(Endpoint.LOGOUT, 0, Fault.busy()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("times");
    assertThatThrownBy(() -> sim.faults().rate(Endpoint.LOGOUT, 1.5, Fault.busy()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
  }
}

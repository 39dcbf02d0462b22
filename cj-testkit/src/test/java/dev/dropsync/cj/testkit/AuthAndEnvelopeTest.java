package dev.dropsync.cj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthAndEnvelopeTest {
  static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
  final SimClock clock = SimClock.at(T0);
  CjSimulator sim = CjSimulator.builder().clock(clock).products(50).seed(3).build().start();
  Api api = new Api(sim);

  @AfterEach
  void tearDown() {
    api.close();
    sim.close();
  }

  @Test
  void apiKeyAndBaseUrlHaveCjShape() {
    assertThat(sim.apiKey()).matches("CJ\\d+@api@[0-9a-f]{32}");
    assertThat(sim.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api2\\.0/v1");
    assertThat(sim.openId()).matches("\\d+");
  }

  @Test
  void getAccessTokenReturnsPairWithPlus8ExpiriesAndNumericOpenId() {
    Api.Resp r = api.post("/authentication/getAccessToken", "{\"apiKey\":\"" + sim.apiKey() + "\"}");
    assertThat(r.status()).isEqualTo(200);
    Js env = r.json();
    assertThat(env.get("code").lng()).isEqualTo(200);
    assertThat(env.get("result").bool()).isTrue();
    assertThat(env.get("requestId").str()).isNotBlank();
    Js d = env.get("data");
    assertThat(d.get("openId").raw()).isInstanceOf(Number.class);
    assertThat(String.valueOf(d.get("openId").lng())).isEqualTo(sim.openId());
    assertThat(d.get("accessToken").str()).hasSize(32);
    String exp = d.get("accessTokenExpiryDate").str();
    assertThat(exp).endsWith("+08:00");
    assertThat(OffsetDateTime.parse(exp).toInstant()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(15)));
    assertThat(OffsetDateTime.parse(d.get("refreshTokenExpiryDate").str()).toInstant())
        .isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(180)));
  }

  @Test
  void successEnvelopeCarriesAllKeysAndPointsInfo() {
    api.login();
    Js env = api.get("/product/list", "pageNum", "1", "pageSize", "5").json();
    assertThat(env.keys()).containsExactly("code", "result", "success", "message", "data", "requestId",
        "pointsInfo");
    assertThat(env.get("success").bool()).isTrue();
    assertThat(env.get("pointsInfo").get("usedToday").lng()).isEqualTo(50);
    assertThat(env.get("pointsInfo").get("remaining").lng()).isEqualTo(49_950);
    assertThat(env.get("pointsInfo").get("total").lng()).isEqualTo(50_000);
  }

  @Test
  void errorsArriveAsHttp200WithResultFalse() {
    api.login();
    Api.Resp r = api.get("/product/query", "pid", "00000000-0000-0000-0000-000000000000");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.code()).isEqualTo(1602000);
    assertThat(r.json().get("result").bool()).isFalse();
    assertThat(r.json().get("data").isNull()).isTrue();
  }

  @Test
  void missingTokenIs1600002AndUnknownTokenIs1600001() {
    assertThat(api.get("/setting/get").code()).isEqualTo(1600002);
    api.token = "0123456789abcdef0123456789abcdef";
    assertThat(api.get("/setting/get").code()).isEqualTo(1600001);
  }

  @Test
  void wrongApiKeyIsRejected() {
    Api.Resp r = api.post("/authentication/getAccessToken",
        "{\"apiKey\":\"CJ1234567@api@0123456789abcdef0123456789abcdef\"}");
    assertThat(r.code()).isEqualTo(1600005);
    assertThat(r.body()).doesNotContain("0123456789abcdef0123456789abcdef");
  }

  @Test
  void accessTokenExpiresOnTheClock() {
    api.login();
    assertThat(api.get("/setting/get").code()).isEqualTo(200);
    clock.advance(Duration.ofDays(15));
    assertThat(api.get("/setting/get").code()).isEqualTo(1600001);
  }

  @Test
  void getAccessTokenIsLimitedToOncePerFiveMinutes() {
    api.login();
    Api.Resp again = api.post("/authentication/getAccessToken", "{\"apiKey\":\"" + sim.apiKey() + "\"}");
    assertThat(again.code()).isEqualTo(1600200);
    assertThat(again.json().get("message").str()).isEqualTo("Too Many Requests, QPS limit is 1 time/300 seconds");
    clock.advance(Duration.ofMinutes(5));
    assertThat(api.post("/authentication/getAccessToken", "{\"apiKey\":\"" + sim.apiKey() + "\"}").code())
        .isEqualTo(200);
    assertThat(sim.recorder().throttleViolations()).isEqualTo(1);
  }

  @Test
  void refreshIssuesNewPairAndBadRefreshTokenIs1600003() {
    Js first = api.post("/authentication/getAccessToken", "{\"apiKey\":\"" + sim.apiKey() + "\"}").data();
    Api.Resp r = api.post("/authentication/refreshAccessToken",
        "{\"refreshToken\":\"" + first.get("refreshToken").str() + "\"}");
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.data().has("openId")).isFalse();
    assertThat(r.data().get("accessToken").str()).isNotEqualTo(first.get("accessToken").str());
    api.token = r.data().get("accessToken").str();
    assertThat(api.get("/setting/get").code()).isEqualTo(200);
    assertThat(api.post("/authentication/refreshAccessToken", "{\"refreshToken\":\"nope\"}").code())
        .isEqualTo(1600003);
  }

  @Test
  void newerDocsVariantReturnsTheSamePairWithin24Hours() {
    try (CjSimulator cached = CjSimulator.builder().clock(clock).products(1).tokenReuseWindow(Duration.ofHours(24))
        .build().start(); Api a = new Api(cached)) {
      Js first = a.post("/authentication/getAccessToken", "{\"apiKey\":\"" + cached.apiKey() + "\"}").data();
      Js refreshed = a.post("/authentication/refreshAccessToken",
          "{\"refreshToken\":\"" + first.get("refreshToken").str() + "\"}").data();
      assertThat(refreshed.get("accessToken").str()).isEqualTo(first.get("accessToken").str());
      assertThat(refreshed.get("accessTokenExpiryDate").str()).isEqualTo(first.get("accessTokenExpiryDate").str());
      Js again = a.post("/authentication/getAccessToken", "{\"apiKey\":\"" + cached.apiKey() + "\"}").data();
      assertThat(again.get("accessToken").str()).isEqualTo(first.get("accessToken").str());
      clock.advance(Duration.ofHours(24));
      Js later = a.post("/authentication/refreshAccessToken",
          "{\"refreshToken\":\"" + first.get("refreshToken").str() + "\"}").data();
      assertThat(later.get("accessToken").str()).isNotEqualTo(first.get("accessToken").str());
    }
  }

  @Test
  void logoutKillsBothTokens() {
    Js pair = api.post("/authentication/getAccessToken", "{\"apiKey\":\"" + sim.apiKey() + "\"}").data();
    api.token = pair.get("accessToken").str();
    assertThat(api.post("/authentication/logout", "").data().bool()).isTrue();
    assertThat(api.get("/setting/get").code()).isEqualTo(1600001);
    assertThat(api.post("/authentication/refreshAccessToken",
        "{\"refreshToken\":\"" + pair.get("refreshToken").str() + "\"}").code()).isEqualTo(1600003);
  }

  @Test
  void unknownPathIs404AndWrongMethodIsRejected() {
    api.login();
    assertThat(api.get("/product/nope").status()).isEqualTo(404);
    assertThat(api.post("/product/list", "{}").code()).isEqualTo(16900202);
  }

  @Test
  void settingReportsQpsLimit() {
    api.login();
    Js d = api.get("/setting/get").data();
    assertThat(d.get("setting").get("qpsLimit").lng()).isEqualTo(1);
    assertThat(String.valueOf(d.get("openId").lng())).isEqualTo(sim.openId());
  }
}

package dev.dropsync.cj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QpsAndPointsTest {
  final SimClock clock = SimClock.at(Instant.parse("2026-11-24T08:00:00Z"));

  @Test
  void thirdCallInOneSecondAtQps2GetsCjThrottleAnswerAsHttp200() {
    try (CjSimulator sim = CjSimulator.builder().clock(clock).qps(2).products(5).build().start();
        Api api = new Api(sim)) {
      api.login();
      api.step = Duration.ZERO;
      assertThat(api.get("/setting/get").code()).isEqualTo(200);
      assertThat(api.get("/setting/get").code()).isEqualTo(200);
      Api.Resp third = api.get("/setting/get");
      assertThat(third.status()).isEqualTo(200);
      Js env = third.json();
      assertThat(env.get("code").lng()).isEqualTo(1600200);
      assertThat(env.get("result").bool()).isFalse();
      assertThat(env.get("message").str()).isEqualTo("Too Many Requests, QPS limit is 2 time/1second");
      assertThat(env.get("data").isNull()).isTrue();
      assertThat(sim.recorder().throttleViolations()).isEqualTo(1);
      assertThat(sim.recorder().maxCallsWithin(Duration.ofSeconds(1))).isEqualTo(3);
    }
  }

  @Test
  void callsExactlyOneSecondApartAreStillThrottledButSpacedCallsAreNot() {
    try (CjSimulator sim = CjSimulator.builder().clock(clock).products(5).build().start(); Api api = new Api(sim)) {
      api.login();
      api.step = Duration.ofSeconds(1);
      assertThat(api.get("/setting/get").code()).isEqualTo(200);
      assertThat(api.get("/setting/get").code()).isEqualTo(1600200);
      api.step = Duration.ofMillis(1050);
      assertThat(api.get("/setting/get").code()).isEqualTo(200);
      assertThat(api.get("/setting/get").code()).isEqualTo(200);
    }
  }

  @Test
  void throttleCanBeServedAsHttp429WithRetryAfter() {
    try (CjSimulator sim = CjSimulator.builder().clock(clock).throttleHttpStatus(429).products(5).build().start();
        Api api = new Api(sim)) {
      api.login();
      api.step = Duration.ZERO;
      api.get("/setting/get");
      Api.Resp r = api.get("/setting/get");
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.headers().get("Retry-After")).isEqualTo("1");
      assertThat(r.code()).isEqualTo(1600200);
    }
  }

  @Test
  void qpsIsPerAccountNotPerToken() {
    try (CjSimulator sim = CjSimulator.builder().clock(clock).products(5).tokenRequestInterval(Duration.ZERO)
        .build().start(); Api a = new Api(sim); Api b = new Api(sim)) {
      a.login();
      b.login();
      assertThat(a.token).isNotEqualTo(b.token);
      a.step = Duration.ZERO;
      b.step = Duration.ZERO;
      assertThat(a.get("/setting/get").code()).isEqualTo(200);
      assertThat(b.get("/setting/get").code()).isEqualTo(1600200);
    }
  }

  @Test
  void pointsAreChargedPerCostTableAndExhaustionAnswers16900500() {
    try (CjSimulator sim = CjSimulator.builder().clock(clock).products(5).build().start(); Api api = new Api(sim)) {
      api.login();
      String pid = sim.catalog().productIds().get(0);
      Js info = api.get("/product/query", "pid", pid).json().get("pointsInfo");
      assertThat(info.get("usedToday").lng()).isEqualTo(10);
      assertThat(api.get("/shopping/order/list", "status", "CREATED").json().get("pointsInfo").get("usedToday").lng())
          .isEqualTo(10);
      sim.setPointsRemaining(5);
      Api.Resp r = api.get("/product/query", "pid", pid);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.code()).isEqualTo(16900500);
      assertThat(r.json().get("message").str()).startsWith("Insufficient API points. Used today: ")
          .contains("Remaining: 5, Required: 10");
      assertThat(api.get("/setting/get").code()).isEqualTo(200);
    }
  }

  @Test
  void pointsRefillEveryMinuteCappedAndResetAtMidnightUtc() {
    try (CjSimulator sim = CjSimulator.builder().clock(clock).pointsTotal(14_400).products(5).build().start()) {
      sim.setPointsRemaining(0);
      clock.advance(Duration.ofMinutes(3));
      assertThat(sim.pointsRemaining()).isEqualTo(30);
      clock.advance(Duration.ofHours(1));
      assertThat(sim.pointsRemaining()).isEqualTo(630);
      sim.setPointsRemaining(0);
      clock.set(Instant.parse("2026-11-25T00:00:00Z"));
      assertThat(sim.pointsRemaining()).isEqualTo(14_400);
      clock.advance(Duration.ofDays(3));
      assertThat(sim.pointsRemaining()).isEqualTo(14_400);
    }
  }

  @Test
  void breachCanBlockTheAccountForTheWindow() {
    try (CjSimulator sim = CjSimulator.builder().clock(clock).products(1).blockOnBreach(true).build().start();
        Api api = new Api(sim)) {
      api.login();
      api.step = Duration.ZERO;
      assertThat(api.get("/setting/get").code()).isEqualTo(200);
      assertThat(api.get("/setting/get").code()).isEqualTo(1600200);
      clock.advance(Duration.ofMillis(1100));
      assertThat(api.get("/setting/get").code()).as("block lasts 1 s from the breach")
          .isEqualTo(200);
      assertThat(api.get("/setting/get").code()).isEqualTo(1600200);
      clock.advance(Duration.ofMillis(500));
      assertThat(api.get("/setting/get").code()).as("blocked for 1 s after the breach").isEqualTo(1600200);
      clock.advance(Duration.ofMillis(1001));
      assertThat(api.get("/setting/get").code()).isEqualTo(200);
    }
  }
}

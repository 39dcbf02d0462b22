package dev.dropsync.cj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecorderTest {
  final SimClock clock = SimClock.at(Instant.parse("2026-11-24T08:00:00Z"));

  @Test
  void recordsMethodPathQueryBodyTimeAndReplyWithSecretsRedacted() {
    try (CjSimulator sim = CjSimulator.builder().clock(clock).products(10).build().start(); Api api = new Api(sim)) {
      String token = api.login();
      api.get("/shopping/order/list", "orderIds", "SD1", "orderIds", "SD2");
      List<RecordedCall> calls = sim.recorder().calls();
      assertThat(calls).hasSize(2);
      RecordedCall login = calls.get(0);
      assertThat(login.endpoint()).isEqualTo(Endpoint.GET_ACCESS_TOKEN);
      assertThat(login.body()).isEqualTo("{\"apiKey\":\"REDACTED\"}").doesNotContain(sim.apiKey());
      assertThat(login.openId()).isEqualTo(sim.openId());
      RecordedCall list = calls.get(1);
      assertThat(list.method()).isEqualTo("GET");
      assertThat(list.path()).isEqualTo("/shopping/order/list");
      assertThat(list.query()).isEqualTo(Map.of("orderIds", List.of("SD1", "SD2")));
      assertThat(list.header("CJ-Access-Token")).isEqualTo("REDACTED");
      assertThat(list.headers().toString()).doesNotContain(token);
      assertThat(list.time()).isEqualTo(Instant.parse("2026-11-24T08:00:02.200Z"));
      assertThat(list.httpStatus()).isEqualTo(200);
      assertThat(list.cjCode()).isEqualTo(200);
      assertThat(list.throttled()).isFalse();
    }
  }

  @Test
  void countsCallsPerEndpointAndMaxRate() {
    try (CjSimulator sim = CjSimulator.builder().clock(clock).qps(4).products(10).build().start();
        Api api = new Api(sim)) {
      api.login();
      api.step = Duration.ofMillis(250);
      for (int i = 0; i < 6; i++) {
        api.get("/shopping/pay/getBalance");
      }
      api.get("/setting/get");
      assertThat(sim.recorder().count(Endpoint.GET_BALANCE)).isEqualTo(6);
      assertThat(sim.recorder().countsByEndpoint()).containsEntry(Endpoint.SETTING_GET, 1)
          .containsEntry(Endpoint.GET_ACCESS_TOKEN, 1);
      assertThat(sim.recorder().maxCallsWithin(Duration.ofSeconds(1))).isEqualTo(5);
      assertThat(sim.recorder().throttleViolations()).isEqualTo(1);
      sim.recorder().clear();
      assertThat(sim.recorder().calls()).isEmpty();
    }
  }

  @Test
  void recorderKeepsOnlyTheNewestCallsBeyondItsCap() {
    try (CjSimulator sim = CjSimulator.builder().clock(clock).products(1).maxRecordedCalls(3).build().start();
        Api api = new Api(sim)) {
      api.login();
      for (int i = 0; i < 4; i++) {
        api.get("/shopping/pay/getBalance");
      }
      assertThat(sim.recorder().calls()).hasSize(3).allMatch(c -> c.endpoint() == Endpoint.GET_BALANCE);
    }
  }
}

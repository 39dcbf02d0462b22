package dev.dropsync.cj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BuilderTest {
  static final String KEY = "CJ7654321@api@fedcba9876543210fedcba9876543210";

  @Test
  void rejectsBadSettingsNamingTheField() {
    CjSimulator.Builder b = CjSimulator.builder();
    assertThatThrownBy(() -> b.qps(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qps");
    assertThatThrownBy(() -> b.products(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("products");
    assertThatThrownBy(() -> b.apiKey(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiKey is blank");
    assertThatThrownBy(() -> b.apiKey("secret-value")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret-value");
    assertThatThrownBy(() -> b.throttleHttpStatus(503)).hasMessageContaining("503");
    assertThatThrownBy(() -> b.accessTokenLifetime(Duration.ZERO)).hasMessageContaining("accessTokenLifetime");
    assertThatThrownBy(() -> b.balance(new BigDecimal("-1"))).hasMessageContaining("balance");
    assertThatThrownBy(() -> b.addAccount(KEY, "abc", 1)).hasMessageContaining("openId");
  }

  @Test
  void customKeyAndExtraAccountsWork() {
    SimClock clock = SimClock.at(Instant.parse("2026-11-24T08:00:00Z"));
    String other = "CJ1111111@api@00000000000000000000000000000001";
    try (CjSimulator sim = CjSimulator.builder().clock(clock).apiKey(KEY).addAccount(other, "42", 4).products(1)
        .build().start(); Api api = new Api(sim)) {
      assertThat(sim.apiKey()).isEqualTo(KEY);
      assertThat(sim.apiKeys()).containsExactly(KEY, other);
      Api.Resp r = api.post("/authentication/getAccessToken", "{\"apiKey\":\"" + other + "\"}");
      assertThat(r.data().get("openId").lng()).isEqualTo(42);
      api.token = r.data().get("accessToken").str();
      assertThat(api.get("/setting/get").data().get("setting").get("qpsLimit").lng()).isEqualTo(4);
    }
  }

  @Test
  void lifecycleErrorsAreClear() {
    CjSimulator sim = CjSimulator.builder().products(1).build();
    assertThatThrownBy(sim::baseUrl).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
    sim.start();
    try {
      assertThatThrownBy(sim::start).isInstanceOf(IllegalStateException.class);
      assertThat(sim.toString()).doesNotContain(sim.apiKey());
    } finally {
      sim.close();
    }
  }

  @Test
  void simClockMovesOnlyWhenTold() {
    SimClock c = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    Instant before = c.instant();
    assertThat(c.instant()).isEqualTo(before);
    c.advance(Duration.ofSeconds(90));
    assertThat(c.instant()).isEqualTo(Instant.parse("2026-01-01T00:01:30Z"));
    assertThat(c.withZone(java.time.ZoneId.of("Asia/Shanghai")).instant()).isEqualTo(c.instant());
    assertThatThrownBy(() -> c.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    c.set(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(c.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
  }
}

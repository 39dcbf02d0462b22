package dev.dropsync.cj.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjRateLimitException;
import dev.dropsync.cj.VirtualSleeper;
import dev.dropsync.cj.spi.InMemoryTokenStore;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.RecordedCall;
import dev.dropsync.cj.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Restarts (token store) and a client configured above the account's QPS, against the simulator. */
class SimRestartAndThrottleTest {

  @Test
  void restartWithTheSameTokenStoreReusesTheLiveToken() {
    SimClock clock = SimClock.at(Sims.START);
    InMemoryTokenStore store = new InMemoryTokenStore();
    try (CjSimulator sim = CjSimulator.builder().clock(clock).products(20).seed(2).build().start()) {
      try (CjClient before = Sims.client(sim, clock, new VirtualSleeper(clock)).tokenStore(store).build()) {
        assertThat(before.payments().getBalance().amount()).isPositive();
      }
      clock.advance(Duration.ofMinutes(1));
      try (CjClient after = Sims.client(sim, clock, new VirtualSleeper(clock)).tokenStore(store).build()) {
        assertThat(after.payments().getBalance().amount()).isPositive();
      }
      assertThat(sim.recorder().count(Endpoint.GET_ACCESS_TOKEN)).isEqualTo(1);
      assertThat(sim.recorder().count(Endpoint.GET_BALANCE)).isEqualTo(2);
    }
  }

  @Test
  void restartWithoutATokenStoreWithinFiveMinutesEndsInATypedRateLimitError() {
    SimClock clock = SimClock.at(Sims.START);
    try (CjSimulator sim = CjSimulator.builder().clock(clock).products(20).seed(2).build().start()) {
      try (CjClient before = Sims.client(sim, clock, new VirtualSleeper(clock)).build()) {
        assertThat(before.payments().getBalance().amount()).isPositive();
      }
      Instant firstToken = sim.recorder().calls(Endpoint.GET_ACCESS_TOKEN).get(0).time();
      clock.advance(Duration.ofMinutes(1));
      try (CjClient after = Sims.client(sim, clock, new VirtualSleeper(clock)).build()) {
        CjRateLimitException e = catchThrowableOfType(CjRateLimitException.class, () -> after.payments().getBalance());

        assertThat(e).isNotNull();
        // the client cannot know when another process asked, so it waits a full interval from CJ's refusal
        Instant retryAt = e.earliestRetryAt();
        assertThat(retryAt).isNotNull();
        assertThat(retryAt).isAfterOrEqualTo(firstToken.plus(Duration.ofMinutes(5)))
            .isBeforeOrEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        List<RecordedCall> gets = sim.recorder().calls(Endpoint.GET_ACCESS_TOKEN);
        // CJ refused once; the client did not keep asking
        assertThat(gets).hasSize(2);
        assertThat(gets.get(1).cjCode()).isEqualTo(1600200);
        assertThat(sim.recorder().count(Endpoint.GET_BALANCE)).isEqualTo(1);

        clock.set(retryAt);
        assertThat(after.payments().getBalance().amount()).isPositive();
      }
    }
  }

  @Test
  void clientConfiguredAboveTheAccountQpsRecoversFromEveryThrottle() {
    SimClock clock = SimClock.at(Sims.START);
    try (CjSimulator sim = CjSimulator.builder().clock(clock).qps(2).products(20).seed(2).build().start();
        CjClient cj = Sims.client(sim, clock, new VirtualSleeper(clock)).qps(6).build()) {
      String vid = sim.catalog().inStockVariantIds().get(0);
      for (int i = 0; i < 12; i++) {
        assertThat(cj.stock().byVid(vid)).isNotEmpty();
      }
      List<RecordedCall> stock = sim.recorder().calls(Endpoint.STOCK_BY_VID);
      assertThat(stock.stream().filter(c -> c.cjCode() != null && c.cjCode() == 200)).hasSize(12);
      assertThat(sim.recorder().throttleViolations()).isPositive();
      // after a throttle the whole limiter waited at least Retry-After (1 s) before the next call
      for (int i = 0; i + 1 < stock.size(); i++) {
        if (stock.get(i).throttled()) {
          assertThat(Duration.between(stock.get(i).time(), stock.get(i + 1).time()))
              .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
      }
    }
  }
}

package dev.dropsync.cj.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjRateLimitException;
import dev.dropsync.cj.VirtualSleeper;
import dev.dropsync.cj.model.OrderListRequest;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.RecordedCall;
import dev.dropsync.cj.testkit.SimClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Many threads hit one client when its access token runs out: the simulator must see exactly one
 * refreshAccessToken and no second getAccessToken. The client and the simulator share a {@link SimClock};
 * QPS enforcement is off because the subject is the token single flight, not spacing.
 */
class SimTokenExpiryTest {
  private static final int THREADS = 16;

  @Test
  void sixteenThreadsAfterExpiryOnTheClockShareOneRefresh() throws Exception {
    run(15 * 24 * 3600 + 1, sim -> {}, false);
  }

  @Test
  void sixteenThreadsInsideTheRefreshAheadWindowShareOneRefresh() throws Exception {
    // 15 d lifetime, refresh ahead 48 h: at 14 d the token still works but is due for refresh
    run(14 * 24 * 3600, sim -> {}, false);
  }

  @Test
  void sixteenThreadsAfterServerSideExpiryShareOneRefreshAndReplay() throws Exception {
    run(0, sim -> assertThat(sim.faults().expireAccessTokens()).isEqualTo(1), true);
  }

  @Test
  void sixteenThreadsAfterBothTokensExpireShareOneNewTokenRequest() throws Exception {
    SimClock clock = SimClock.at(Sims.START);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (CjSimulator sim = CjSimulator.builder().clock(clock).qpsEnforced(false).products(20).seed(5).build().start();
        CjClient cj = Sims.client(sim, clock, new VirtualSleeper(clock)).qps(100).build()) {
      assertThat(cj.payments().getBalance().amount()).isPositive();
      clock.advance(Duration.ofMinutes(6)); // past CJ's one-getAccessToken-per-5-minutes limit
      sim.faults().expireAllTokens();
      sim.recorder().clear();

      CyclicBarrier barrier = new CyclicBarrier(THREADS);
      List<Future<BigDecimal>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        results.add(pool.submit(() -> {
          barrier.await(30, TimeUnit.SECONDS);
          return cj.payments().getBalance().amount();
        }));
      }
      for (Future<BigDecimal> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
      }

      String why = "calls " + sim.recorder().countsByEndpoint();
      // the refresh token is dead too (1600003), so exactly one refresh attempt and one getAccessToken
      assertThat(sim.recorder().count(Endpoint.REFRESH_ACCESS_TOKEN)).as(why).isEqualTo(1);
      assertThat(sim.recorder().calls(Endpoint.REFRESH_ACCESS_TOKEN).get(0).cjCode()).as(why).isEqualTo(1600003);
      assertThat(sim.recorder().count(Endpoint.GET_ACCESS_TOKEN)).as(why).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deadTokensWithinFiveMinutesOfTheLastTokenRequestGiveATypedErrorNotAnotherRequest() {
    SimClock clock = SimClock.at(Sims.START);
    try (CjSimulator sim = CjSimulator.builder().clock(clock).products(20).seed(5).build().start();
        CjClient cj = Sims.client(sim, clock, new VirtualSleeper(clock)).build()) {
      assertThat(cj.payments().getBalance().amount()).isPositive();
      Instant firstTokenAt = sim.recorder().calls(Endpoint.GET_ACCESS_TOKEN).get(0).time();
      sim.faults().expireAllTokens();

      CjRateLimitException e = catchThrowableOfType(CjRateLimitException.class, () -> cj.payments().getBalance());

      assertThat(e).isNotNull();
      Instant retryAt = e.earliestRetryAt();
      assertThat(retryAt).isNotNull();
      assertThat(retryAt).isEqualTo(firstTokenAt.plus(Duration.ofMinutes(5)));
      assertThat(sim.recorder().count(Endpoint.GET_ACCESS_TOKEN)).isEqualTo(1);
      assertThat(sim.recorder().throttleViolations()).isZero();

      // once the window has passed the client recovers on its own
      clock.set(retryAt);
      assertThat(cj.payments().getBalance().amount()).isPositive();
      assertThat(sim.recorder().count(Endpoint.GET_ACCESS_TOKEN)).isEqualTo(2);
    }
  }

  @Test
  void tokenRequestSpacingCountsFromWhenTheRequestReachedCjNotWhenItWasQueued() {
    SimClock clock = SimClock.at(Sims.START);
    try (CjSimulator sim = CjSimulator.builder().clock(clock).products(20).seed(5).build().start();
        CjClient cj = Sims.client(sim, clock, new VirtualSleeper(clock)).build()) {
      assertThat(cj.payments().getBalance().amount()).isPositive();
      clock.advance(Duration.ofMinutes(6));
      sim.faults().expireAllTokens();
      // 1600001 -> refresh (1600003) -> getAccessToken: the token request waits behind the refresh in the limiter
      assertThat(cj.payments().getBalance().amount()).isPositive();
      List<RecordedCall> gets = sim.recorder().calls(Endpoint.GET_ACCESS_TOKEN);
      assertThat(gets).hasSize(2);
      Instant cjCountsFrom = gets.get(1).time();

      // an explicit token request as soon as the client allows one must not be refused by CJ
      CjRateLimitException early = catchThrowableOfType(CjRateLimitException.class,
          () -> cj.auth().getAccessToken());
      assertThat(early).isNotNull();
      Instant retryAt = early.earliestRetryAt();
      assertThat(retryAt).isNotNull();
      assertThat(retryAt).isAfterOrEqualTo(cjCountsFrom.plus(Duration.ofMinutes(5)));
      clock.set(retryAt);
      cj.auth().getAccessToken();
      assertThat(sim.recorder().throttleViolations()).as("calls %s", sim.recorder().calls()).isZero();
      assertThat(sim.recorder().calls(Endpoint.GET_ACCESS_TOKEN).get(2).time())
          .isAfterOrEqualTo(cjCountsFrom.plus(Duration.ofMinutes(5)));
    }
  }

  private static void run(long advanceSeconds, Consumer<CjSimulator> expire, boolean serverSide) throws Exception {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    SimClock clock = SimClock.at(Sims.START);
    VirtualSleeper sleeper = new VirtualSleeper(clock);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (CjSimulator sim = CjSimulator.builder().clock(clock).qpsEnforced(false).products(20).seed(5).build().start();
        CjClient cj = Sims.client(sim, clock, sleeper).qps(100).build()) {
      List<String> vids = sim.catalog().inStockVariantIds();
      assertThat(cj.payments().getBalance().amount()).isPositive();
      assertThat(sim.recorder().count(Endpoint.GET_ACCESS_TOKEN)).isEqualTo(1);

      clock.advance(Duration.ofSeconds(advanceSeconds));
      expire.accept(sim);
      sim.recorder().clear();

      CyclicBarrier barrier = new CyclicBarrier(THREADS);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        SplittableRandom r = random.split();
        results.add(pool.submit(() -> {
          barrier.await(30, TimeUnit.SECONDS);
          switch (r.nextInt(3)) {
            case 0 -> assertThat(cj.payments().getBalance().amount()).isPositive();
            case 1 -> assertThat(cj.stock().byVid(vids.get(r.nextInt(vids.size())))).isNotEmpty();
            default -> assertThat(cj.orders().list(OrderListRequest.byStatus("CREATED", 1, 10)).items()).isNotNull();
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
      }

      String why = "seed " + seed + ", calls " + sim.recorder().countsByEndpoint();
      assertThat(sim.recorder().count(Endpoint.REFRESH_ACCESS_TOKEN)).as(why).isEqualTo(1);
      assertThat(sim.recorder().count(Endpoint.GET_ACCESS_TOKEN)).as(why).isZero();
      List<RecordedCall> rejected = sim.recorder().calls().stream()
          .filter(c -> c.cjCode() != null && c.cjCode() == 1600001).toList();
      if (serverSide) {
        // every call that raced the expiry was answered 1600001 once and replayed once with the new token
        assertThat(rejected.size()).as(why).isBetween(1, THREADS);
        long reads = sim.recorder().calls().stream().filter(c -> c.endpoint() != Endpoint.REFRESH_ACCESS_TOKEN).count();
        assertThat(reads).as(why).isEqualTo(THREADS + rejected.size());
      } else {
        // nobody sent the stale token: the client refreshed before using it
        assertThat(rejected).as(why).isEmpty();
        assertThat(sim.recorder().calls()).as(why).hasSize(THREADS + 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

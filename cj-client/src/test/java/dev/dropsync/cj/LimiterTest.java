package dev.dropsync.cj;

import static dev.dropsync.cj.TestSupport.fixture;
import static dev.dropsync.cj.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.internal.RateLimiter;
import dev.dropsync.cj.spi.Sleeper;
import dev.dropsync.cj.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class LimiterTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final SimClock clock = SimClock.at(TestSupport.START);

  private void alwaysBalance() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return json(fixture("payments/balance.json"));
      }
    });
  }

  /** Records the clock's time at each request sent. */
  private CjClientListener sendTimes(List<Instant> sent) {
    return new CjClientListener() {
      @Override
      public void onRequest(RequestEvent event) {
        sent.add(clock.instant());
      }
    };
  }

  @Test
  void concurrentReservationsGetDistinctSlotsSpacedOneOverQpsWithMargin() throws Exception {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    int threads = 4 + random.nextInt(12);
    int perThread = 1 + random.nextInt(20);
    RateLimiter limiter = new RateLimiter(clock, 2, 1.1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Duration> waits = new CopyOnWriteArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < perThread; i++) {
          waits.add(limiter.reserve());
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : fs) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<Duration> sorted = new ArrayList<>(waits);
    sorted.sort(null);
    for (int i = 0; i < sorted.size(); i++) {
      assertThat(sorted.get(i)).as("slot %d, seed %d", i, seed).isEqualTo(Duration.ofMillis(550).multipliedBy(i));
    }
  }

  @Test
  void sequentialCallsAreSpacedOnTheInjectedClock() {
    alwaysBalance();
    VirtualSleeper sleeper = new VirtualSleeper(clock);
    List<Instant> sent = new CopyOnWriteArrayList<>();
    try (CjClient cj = TestSupport.client(server, clock, sleeper).qps(2).listener(sendTimes(sent)).build()) {
      for (int i = 0; i < 5; i++) {
        cj.payments().getBalance();
      }
    }
    assertThat(sent).hasSize(5);
    for (int i = 1; i < sent.size(); i++) {
      assertThat(Duration.between(sent.get(i - 1), sent.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(550));
    }
    assertThat(sleeper.waits).hasSize(4).allMatch(d -> d.equals(Duration.ofMillis(550)));
  }

  @Test
  void derivedClientSharesTheLimiter() {
    alwaysBalance();
    VirtualSleeper sleeper = new VirtualSleeper(clock);
    try (CjClient cj = TestSupport.client(server, clock, sleeper).qps(1).build();
        CjClient slow = cj.newBuilder().readTimeout(Duration.ofSeconds(20)).build()) {
      cj.payments().getBalance();
      slow.payments().getBalance();
      cj.payments().getBalance();
    }
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(1100), Duration.ofMillis(1100));
  }

  @Test
  void asyncCallsReserveDistinctSlotsWithoutBlockingThreads() throws Exception {
    alwaysBalance();
    List<Duration> waits = new CopyOnWriteArrayList<>();
    Sleeper recordOnly = d -> {
      waits.add(d);
      return CompletableFuture.completedFuture(null);
    };
    try (CjClient cj = TestSupport.client(server, clock, new VirtualSleeper(clock)).sleeper(recordOnly).qps(1).build()) {
      List<CompletableFuture<?>> fs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        fs.add(cj.payments().getBalanceAsync(RequestOptions.none()));
      }
      for (CompletableFuture<?> f : fs) {
        f.get(30, TimeUnit.SECONDS);
      }
    }
    List<Duration> sorted = new ArrayList<>(waits);
    sorted.sort(null);
    assertThat(sorted).containsExactly(Duration.ofMillis(1100), Duration.ofMillis(2200), Duration.ofMillis(3300),
        Duration.ofMillis(4400), Duration.ofMillis(5500));
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void eachServerThrottleWidensTheSpacingByFivePercentUpToTheCap() {
    RateLimiter limiter = new RateLimiter(clock, 2, 1.05);
    assertThat(limiter.interval()).isEqualTo(Duration.ofMillis(525));
    assertThat(limiter.widen()).isCloseTo(1.1025, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(limiter.interval()).isEqualTo(Duration.ofNanos(551_250_000));
    for (int i = 0; i < 50; i++) {
      limiter.widen();
    }
    assertThat(limiter.factor()).isEqualTo(1.5);
    assertThat(limiter.interval()).isEqualTo(Duration.ofMillis(750));
    assertThat(new RateLimiter(clock, 1, 2.0).widen()).as("a start above the cap is its own cap").isEqualTo(2.0);
  }

  @Test
  void aThrottleAnswerWidensTheSpacingOfEveryLaterCall() {
    server.enqueue(json(fixture("payments/balance.json")));
    server.enqueue(json(fixture("errors/throttle.json")));
    server.enqueue(json(fixture("payments/balance.json")));
    server.enqueue(json(fixture("payments/balance.json")));
    server.enqueue(json(fixture("payments/balance.json")));
    VirtualSleeper sleeper = new VirtualSleeper(clock);
    List<Instant> sent = new CopyOnWriteArrayList<>();
    try (CjClient cj = TestSupport.client(server, clock, sleeper).qps(1).listener(sendTimes(sent)).build()) {
      cj.payments().getBalance();
      cj.payments().getBalance(); // throttled once, then retried
      cj.payments().getBalance();
      cj.payments().getBalance();
    }
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(Duration.between(sent.get(0), sent.get(1))).isEqualTo(Duration.ofMillis(1100));
    // after the throttle every gap is 1/qps x 1.1 x 1.05
    assertThat(Duration.between(sent.get(2), sent.get(3))).isEqualTo(Duration.ofMillis(1155));
    assertThat(Duration.between(sent.get(3), sent.get(4))).isEqualTo(Duration.ofMillis(1155));
  }
}

package dev.dropsync.cj;

import static dev.dropsync.cj.TestSupport.API_KEY;
import static dev.dropsync.cj.TestSupport.error;
import static dev.dropsync.cj.TestSupport.fixture;
import static dev.dropsync.cj.TestSupport.json;
import static dev.dropsync.cj.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.internal.TokenManager;
import dev.dropsync.cj.model.CjTokens;
import dev.dropsync.cj.spi.InMemoryTokenStore;
import dev.dropsync.cj.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class TokenTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final SimClock clock = SimClock.at(TestSupport.START);
  private final VirtualSleeper sleeper = new VirtualSleeper(clock);

  private CjClient.Builder builder(InMemoryTokenStore store) {
    return TestSupport.client(server, clock, sleeper).tokenStore(store);
  }

  private static InMemoryTokenStore storeWith(CjTokens t) {
    InMemoryTokenStore s = new InMemoryTokenStore();
    s.save(TokenManager.accountKey(API_KEY), t);
    return s;
  }

  @Test
  void obtainsTokenLazilyAndRestartReusesStoredToken() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    try (CjClient cj = builder(store).build()) {
      assertThat(server.getRequestCount()).isZero();
      server.enqueue(json(fixture("auth/token.json")));
      server.enqueue(json(fixture("payments/balance.json")));
      cj.payments().getBalance();
    }
    RecordedRequest auth = take(server);
    assertThat(auth.getUrl().encodedPath()).endsWith("/authentication/getAccessToken");
    assertThat(auth.getHeaders().get("CJ-Access-Token")).isNull();
    assertThat(auth.getBody().utf8()).isEqualTo("{\"apiKey\":\"" + API_KEY + "\"}");
    assertThat(take(server).getHeaders().get("CJ-Access-Token")).isEqualTo("NEW-ACCESS-TOKEN-7d1e");
    assertThat(store.load(TokenManager.accountKey(API_KEY))).get()
        .extracting(CjTokens::accessTokenExpiresAt).isEqualTo(Instant.parse("2026-12-09T01:16:33Z"));

    server.enqueue(json(fixture("payments/balance.json")));
    try (CjClient restarted = builder(store).build()) {
      restarted.payments().getBalance();
    }
    RecordedRequest r = take(server);
    assertThat(r.getUrl().encodedPath()).endsWith("/shopping/pay/getBalance");
    assertThat(r.getHeaders().get("CJ-Access-Token")).isEqualTo("NEW-ACCESS-TOKEN-7d1e");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void invalidTokenRefreshesOnceAndReplaysOnce() {
    InMemoryTokenStore store = TestSupport.storeWithLiveToken(clock.instant());
    server.enqueue(error(1600001, "Invalid token"));
    server.enqueue(json(fixture("auth/refresh.json")));
    server.enqueue(json(fixture("payments/balance.json")));
    try (CjClient cj = builder(store).build()) {
      cj.payments().getBalance();
    }
    assertThat(take(server).getHeaders().get("CJ-Access-Token")).isEqualTo(TestSupport.TOKEN);
    RecordedRequest refresh = take(server);
    assertThat(refresh.getUrl().encodedPath()).endsWith("/authentication/refreshAccessToken");
    assertThat(refresh.getBody().utf8()).isEqualTo("{\"refreshToken\":\"" + TestSupport.REFRESH + "\"}");
    assertThat(take(server).getHeaders().get("CJ-Access-Token")).isEqualTo("REFRESHED-ACCESS-TOKEN-5a5a");
    assertThat(store.load(TokenManager.accountKey(API_KEY))).get()
        .extracting(CjTokens::openId).isEqualTo("37995");
  }

  @Test
  void secondInvalidTokenAfterReplayIsFinal() {
    server.enqueue(error(1600001, "Invalid token"));
    server.enqueue(json(fixture("auth/refresh.json")));
    server.enqueue(error(1600001, "Invalid token"));
    try (CjClient cj = builder(TestSupport.storeWithLiveToken(clock.instant())).build()) {
      assertThatThrownBy(() -> cj.payments().getBalance()).isInstanceOf(CjAuthenticationException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void refreshesAheadOfExpiryAndFallsBackToGetAccessTokenOn1600003() {
    Instant now = clock.instant();
    InMemoryTokenStore store = storeWith(new CjTokens("37995", "OLD", now.plus(Duration.ofHours(20)), "OLD-R",
        now.plus(Duration.ofDays(100)), now.minus(Duration.ofDays(14))));
    server.enqueue(error(1600003, "refresh token expired"));
    server.enqueue(json(fixture("auth/token.json")));
    server.enqueue(json(fixture("payments/balance.json")));
    try (CjClient cj = builder(store).build()) {
      cj.payments().getBalance();
    }
    assertThat(take(server).getUrl().encodedPath()).endsWith("/authentication/refreshAccessToken");
    assertThat(take(server).getUrl().encodedPath()).endsWith("/authentication/getAccessToken");
    assertThat(take(server).getHeaders().get("CJ-Access-Token")).isEqualTo("NEW-ACCESS-TOKEN-7d1e");
  }

  @Test
  void tokenRequestSpacingStartsWhenTheLimiterLetTheRequestGoNotWhenItWasQueued() {
    Instant start = clock.instant();
    InMemoryTokenStore store = storeWith(new CjTokens("37995", "OLD", start.plus(Duration.ofHours(20)), "OLD-R",
        start.plus(Duration.ofDays(100)), start.minus(Duration.ofDays(14))));
    server.enqueue(error(1600003, "refresh token expired"));
    server.enqueue(json(fixture("auth/token.json")));
    server.enqueue(json(fixture("payments/balance.json")));
    // CJ's answer should the client ask again too early
    server.enqueue(json(fixture("errors/throttle.json").replace("1 time/1second", "1 time/300 seconds")));
    try (CjClient cj = builder(store).qps(1).build()) {
      cj.payments().getBalance();
      // refresh went at once; getAccessToken waited one limiter interval (1.1 s) behind it
      Instant tokenSentAt = start.plus(Duration.ofMillis(1100));
      clock.advance(Duration.between(clock.instant(), start.plus(Duration.ofMinutes(5))));

      assertThatThrownBy(() -> cj.auth().getAccessToken())
          .isInstanceOfSatisfying(CjRateLimitException.class,
              e -> assertThat(e.earliestRetryAt()).isEqualTo(tokenSentAt.plus(Duration.ofMinutes(5))));
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void failedRefreshAheadKeepsUsingStillValidToken() {
    Instant now = clock.instant();
    InMemoryTokenStore store = storeWith(new CjTokens("37995", "STILL-VALID", now.plus(Duration.ofHours(20)), "R",
        now.plus(Duration.ofDays(100)), now));
    server.enqueue(json(500, "oops"));
    server.enqueue(json(fixture("payments/balance.json")));
    server.enqueue(json(fixture("payments/balance.json")));
    try (CjClient cj = builder(store).build()) {
      cj.payments().getBalance();
      cj.payments().getBalance();
    }
    assertThat(take(server).getUrl().encodedPath()).endsWith("/authentication/refreshAccessToken");
    assertThat(take(server).getHeaders().get("CJ-Access-Token")).isEqualTo("STILL-VALID");
    assertThat(take(server).getHeaders().get("CJ-Access-Token")).isEqualTo("STILL-VALID");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void neverRequestsTokenTwiceWithinFiveMinutes() {
    server.enqueue(json(fixture("errors/throttle.json").replace("1 time/1second", "1 time/300 seconds")));
    try (CjClient cj = builder(new InMemoryTokenStore()).build()) {
      assertThatThrownBy(() -> cj.payments().getBalance()).isInstanceOf(CjRateLimitException.class);
      assertThatThrownBy(() -> cj.payments().getBalance())
          .isInstanceOfSatisfying(CjRateLimitException.class, e -> {
            assertThat(e.earliestRetryAt()).isAfter(TestSupport.START.plus(Duration.ofMinutes(4)));
            assertThat(e.attemptCount()).isZero();
            assertThat(e.getMessage()).doesNotContain(API_KEY);
          });
      assertThat(server.getRequestCount()).isEqualTo(1);
      clock.advance(Duration.ofMinutes(5));
      server.enqueue(json(fixture("auth/token.json")));
      server.enqueue(json(fixture("payments/balance.json")));
      cj.payments().getBalance();
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void manyConcurrentCallersAtExpiryCauseExactlyOneRefresh() throws Exception {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    int threads = 8 + random.nextInt(17);
    Instant now = clock.instant();
    InMemoryTokenStore store = storeWith(new CjTokens("37995", "EXPIRED", now.minusSeconds(1), "R",
        now.plus(Duration.ofDays(100)), now.minus(Duration.ofDays(15))));
    AtomicInteger refreshes = new AtomicInteger();
    AtomicInteger staleUses = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getUrl().encodedPath().endsWith("/refreshAccessToken")) {
          refreshes.incrementAndGet();
          return json(fixture("auth/refresh.json"));
        }
        if (!"REFRESHED-ACCESS-TOKEN-5a5a".equals(r.getHeaders().get("CJ-Access-Token"))) {
          staleUses.incrementAndGet();
          return error(1600001, "Invalid token");
        }
        return json(fixture("payments/balance.json"));
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (CjClient cj = builder(store).build()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        boolean async = random.nextBoolean();
        fs.add(pool.submit(() -> {
          go.await();
          if (async) {
            return cj.payments().getBalanceAsync(RequestOptions.none()).get(30, TimeUnit.SECONDS);
          }
          return cj.payments().getBalance();
        }));
      }
      go.countDown();
      for (Future<?> f : fs) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(refreshes.get()).as("refreshes with %d threads, seed %d", threads, seed).isEqualTo(1);
    assertThat(staleUses.get()).as("seed %d", seed).isZero();
    assertThat(server.getRequestCount()).as("seed %d", seed).isEqualTo(threads + 1);
  }

  @Test
  void explicitAuthCallsAndLogoutClearTheStore() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    server.enqueue(json(fixture("auth/token.json")));
    server.enqueue(json(fixture("auth/refresh.json")));
    server.enqueue(TestSupport.ok("true"));
    try (CjClient cj = builder(store).build()) {
      CjTokens t = cj.auth().getAccessToken();
      assertThat(t.toString()).doesNotContain("NEW-ACCESS-TOKEN").doesNotContain("NEW-REFRESH").doesNotContain("37995");
      assertThat(cj.auth().refreshAccessTokenAsync().join().accessToken()).isEqualTo("REFRESHED-ACCESS-TOKEN-5a5a");
      assertThat(cj.auth().logout()).isTrue();
    }
    take(server);
    take(server);
    RecordedRequest logout = take(server);
    assertThat(logout.getMethod()).isEqualTo("POST");
    assertThat(logout.getUrl().encodedPath()).endsWith("/authentication/logout");
    assertThat(logout.getHeaders().get("CJ-Access-Token")).isEqualTo("REFRESHED-ACCESS-TOKEN-5a5a");
    assertThat(store.load(TokenManager.accountKey(API_KEY))).isEmpty();
  }
}

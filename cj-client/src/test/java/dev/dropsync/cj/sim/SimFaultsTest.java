package dev.dropsync.cj.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dropsync.cj.CjAuthenticationException;
import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjClientListener;
import dev.dropsync.cj.CjException;
import dev.dropsync.cj.CjInvalidRequestException;
import dev.dropsync.cj.CjMalformedResponseException;
import dev.dropsync.cj.CjNotFoundException;
import dev.dropsync.cj.CjQuotaExceededException;
import dev.dropsync.cj.CjRateLimitException;
import dev.dropsync.cj.CjServerException;
import dev.dropsync.cj.CjTransportException;
import dev.dropsync.cj.VirtualSleeper;
import dev.dropsync.cj.model.StockLevel;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.Fault;
import dev.dropsync.cj.testkit.RecordedCall;
import dev.dropsync.cj.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault the simulator can inject, on an idempotent read ({@code GET /product/stock/queryByVid}):
 * a transient fault is retried and recovers (the recorder shows the retry), a persistent or final one ends
 * in the right typed exception after the right number of attempts. Backoff runs on a virtual sleeper
 * that moves the shared {@link SimClock}, so no test waits for real time (except the {@code delay} fault,
 * which is real by nature and kept to a few hundred milliseconds).
 */
class SimFaultsTest {
  private static final int MAX_RETRIES = 3;

  private SimClock clock = SimClock.at(Sims.START);
  private @Nullable VirtualSleeper sleeper;
  private @Nullable CjSimulator sim;
  private @Nullable CjClient cj;
  private String vid = "";

  @BeforeEach
  void start() {
    clock = SimClock.at(Sims.START);
    sleeper = new VirtualSleeper(clock);
    sim = CjSimulator.builder().clock(clock).qps(2).products(20).seed(3).build().start();
    cj = Sims.client(sim, clock, sleeper).maxRetries(MAX_RETRIES).build();
    vid = sim.catalog().inStockVariantIds().get(0);
    // obtain the token first so faults only hit the read under test
    assertThat(cj.payments().getBalance().amount()).isPositive();
    sim.recorder().clear();
  }

  @AfterEach
  void stop() {
    if (cj != null) {
      cj.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  private CjSimulator sim() {
    assertThat(sim).isNotNull();
    return sim;
  }

  private CjClient cj() {
    assertThat(cj).isNotNull();
    return cj;
  }

  private List<RecordedCall> stockCalls() {
    return sim().recorder().calls(Endpoint.STOCK_BY_VID);
  }

  static Stream<Arguments> transientFaults() {
    return Stream.of(
        Arguments.of("busy 1600000", Fault.busy()),
        Arguments.of("read-timeout code 1600301", Fault.readTimeoutCode()),
        Arguments.of("HTTP 502 nginx page", Fault.serverError(502)),
        Arguments.of("HTTP 503 nginx page", Fault.serverError(503)),
        Arguments.of("HTTP 429 throttle", Fault.tooManyRequests()),
        Arguments.of("dropped connection", Fault.disconnect()),
        Arguments.of("truncated JSON", Fault.truncatedJson()),
        Arguments.of("access token expired", Fault.tokenExpired()));
  }

  @ParameterizedTest(name = "{0} once → recovers")
  @MethodSource("transientFaults")
  void transientFaultOnceIsRetriedAndRecovers(String name, Fault fault) {
    sim().faults().next(Endpoint.STOCK_BY_VID, 1, fault);

    List<StockLevel> stock = cj().stock().byVid(vid);

    assertThat(stock).as(name).isNotEmpty();
    assertThat(stock.stream().mapToLong(StockLevel::totalInventory).sum()).as(name).isEqualTo(sim().catalog().stock(vid));
    List<RecordedCall> calls = stockCalls();
    assertThat(calls).as(name).hasSize(2);
    assertThat(calls.get(0).fault()).as(name).isEqualTo(fault);
    assertThat(calls.get(1).fault()).as(name).isNull();
    assertThat(calls.get(1).cjCode()).as(name).isEqualTo(200);
    assertThat(sim().recorder().throttleViolations()).as(name).isZero();
    if (fault.kind() == Fault.Kind.TOKEN_EXPIRED) {
      assertThat(sim().recorder().count(Endpoint.REFRESH_ACCESS_TOKEN)).as(name).isEqualTo(1);
      assertThat(sim().recorder().count(Endpoint.GET_ACCESS_TOKEN)).as(name).isZero();
    }
  }

  @Test
  void throttleAnswerPushesTheRetryBackByRetryAfterAndTellsTheListener() {
    List<CjClientListener.RateLimitEvent> throttles = new CopyOnWriteArrayList<>();
    List<CjClientListener.RetryEvent> retries = new CopyOnWriteArrayList<>();
    CjClientListener listener = new CjClientListener() {
      @Override
      public void onRateLimited(CjClientListener.RateLimitEvent event) {
        throttles.add(event);
      }

      @Override
      public void onRetry(CjClientListener.RetryEvent event) {
        retries.add(event);
      }
    };
    try (CjClient observed = cj().newBuilder().listener(listener).build()) {
      sim().faults().next(Endpoint.STOCK_BY_VID, 1, Fault.tooManyRequests());

      observed.stock().byVid(vid);
    }

    List<RecordedCall> calls = stockCalls();
    assertThat(calls).hasSize(2);
    assertThat(Duration.between(calls.get(0).time(), calls.get(1).time())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(throttles).anySatisfy(t -> {
      assertThat(t.serverThrottled()).isTrue();
      assertThat(t.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(t.endpoint()).contains("/product/stock/queryByVid");
    });
    assertThat(retries).singleElement().satisfies(r -> {
      assertThat(r.failedAttempt()).isEqualTo(1);
      assertThat(r.reason()).contains("CjRateLimitException");
    });
  }

  @Test
  void busyAnswerIsRetriedWithExponentialBackoffOnTheSleeper() {
    sim().faults().next(Endpoint.STOCK_BY_VID, 3, Fault.busy());
    assertThat(sleeper).isNotNull();
    sleeper.waits.clear();

    cj().stock().byVid(vid);

    assertThat(stockCalls()).hasSize(4);
    // default backoff 500 ms doubling, ±25 % jitter; limiter spacing waits (≤ 550 ms) come in between
    List<Duration> backoffs = sleeper.waits.stream().filter(d -> d.compareTo(Duration.ofMillis(600)) > 0).toList();
    assertThat(backoffs).hasSizeGreaterThanOrEqualTo(2);
    assertThat(backoffs).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(2500)));
  }

  static Stream<Arguments> persistentFaults() {
    return Stream.of(
        Arguments.of("busy 1600000", Fault.busy(), CjServerException.class, 1600000, 200),
        Arguments.of("read-timeout code 1600301", Fault.readTimeoutCode(), CjServerException.class, 1600301, 200),
        Arguments.of("HTTP 502 nginx page", Fault.serverError(502), CjServerException.class, null, 502),
        Arguments.of("HTTP 429 throttle", Fault.tooManyRequests(), CjRateLimitException.class, 1600200, 429),
        Arguments.of("dropped connection", Fault.disconnect(), CjTransportException.class, null, 0),
        Arguments.of("truncated JSON", Fault.truncatedJson(), CjTransportException.class, null, 0));
  }

  @ParameterizedTest(name = "{0} every time → {2} after {3} retries")
  @MethodSource("persistentFaults")
  void persistentRetryableFaultEndsInTypedExceptionAfterBoundedRetries(
      String name, Fault fault, Class<? extends CjException> type, @Nullable Integer code, int status) {
    sim().faults().next(Endpoint.STOCK_BY_VID, 10, fault);

    CjException e = catchThrowableOfType(type, () -> cj().stock().byVid(vid));

    assertThat(e).as(name).isNotNull();
    assertThat(e.code()).as(name).isEqualTo(code);
    assertThat(e.httpStatus()).as(name).isEqualTo(status);
    assertThat(e.attemptCount()).as(name).isEqualTo(MAX_RETRIES + 1);
    assertThat(e.endpoint()).as(name).contains("/product/stock/queryByVid");
    assertThat(stockCalls()).as(name).hasSize(MAX_RETRIES + 1);
    assertThat(sim().faults().pending(Endpoint.STOCK_BY_VID)).as(name).isEqualTo(10 - MAX_RETRIES - 1);
  }

  static Stream<Arguments> finalFaults() {
    return Stream.of(
        Arguments.of("HTTP 400 bad request", Fault.badRequest(), CjInvalidRequestException.class, 1600300),
        Arguments.of("malformed JSON", Fault.malformedJson(), CjMalformedResponseException.class, null),
        Arguments.of("product not found", Fault.cjError(1602000, "Product does not exist"), CjNotFoundException.class, 1602000),
        Arguments.of("invalid API key", Fault.cjError(1600005, "Invalid API key"), CjAuthenticationException.class, 1600005));
  }

  @ParameterizedTest(name = "{0} → {2}, not retried")
  @MethodSource("finalFaults")
  void finalFaultEndsInTypedExceptionWithoutRetry(
      String name, Fault fault, Class<? extends CjException> type, @Nullable Integer code) {
    sim().faults().next(Endpoint.STOCK_BY_VID, 1, fault);

    CjException e = catchThrowableOfType(type, () -> cj().stock().byVid(vid));

    assertThat(e).as(name).isNotNull();
    assertThat(e.code()).as(name).isEqualTo(code);
    assertThat(e.attemptCount()).as(name).isLessThanOrEqualTo(1);
    assertThat(stockCalls()).as(name).hasSize(1);
    // the next call is unaffected
    assertThat(cj().stock().byVid(vid)).as(name).isNotEmpty();
  }

  @Test
  void delayWithinTheReadTimeoutJustTakesLonger() {
    sim().faults().next(Endpoint.STOCK_BY_VID, 1, Fault.delay(Duration.ofMillis(150)));

    assertThat(cj().stock().byVid(vid)).isNotEmpty();

    assertThat(stockCalls()).hasSize(1);
  }

  @Test
  void delayBeyondTheReadTimeoutIsRetriedAndRecovers() {
    try (CjClient fast = cj().newBuilder().readTimeout(Duration.ofMillis(250)).build()) {
      sim().faults().next(Endpoint.STOCK_BY_VID, 1, Fault.delay(Duration.ofSeconds(2)));

      assertThat(fast.stock().byVid(vid)).isNotEmpty();

      List<RecordedCall> calls = stockCalls();
      assertThat(calls).hasSize(2);
      assertThat(calls.get(0).fault()).isNotNull();
      assertThat(calls.get(1).fault()).isNull();
    }
  }

  @Test
  void delayBeyondTheReadTimeoutEveryTimeEndsInTransportTimeout() {
    try (CjClient fast = cj().newBuilder().readTimeout(Duration.ofMillis(200)).maxRetries(1).build()) {
      sim().faults().next(Endpoint.STOCK_BY_VID, 2, Fault.delay(Duration.ofSeconds(2)));

      CjTransportException e = catchThrowableOfType(CjTransportException.class, () -> fast.stock().byVid(vid));

      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("timed out");
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.attemptCount()).isEqualTo(2);
      assertThat(stockCalls()).hasSize(2);
    }
  }

  @Test
  void exhaustedPointsEndInQuotaExceptionWithoutRetry() {
    sim().setPointsRemaining(0);

    CjQuotaExceededException e = catchThrowableOfType(CjQuotaExceededException.class, () -> cj().stock().byVid(vid));

    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo(16900500);
    assertThat(e.resetsAt()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    assertThat(stockCalls()).hasSize(1);
    assertThat(cj().remainingPoints()).hasValue(0);
    // free endpoints still work
    assertThat(cj().payments().getBalance().amount()).isPositive();
  }

  @Test
  void unknownApiKeyEndsInAuthenticationExceptionWithoutRetry() {
    try (CjClient stranger = CjClient.builder()
        .apiKey("CJ999999@api@ffffffffffffffffffffffffffffffff")
        .baseUrl(sim().baseUrl())
        .clock(clock)
        .sleeper(new VirtualSleeper(clock))
        .build()) {
      CjAuthenticationException e = catchThrowableOfType(CjAuthenticationException.class, () -> stranger.stock().byVid(vid));

      assertThat(e).isNotNull();
      assertThat(e.code()).isEqualTo(1600005);
      assertThat(e.getMessage()).doesNotContain("ffffffffffffffffffffffffffffffff");
      assertThat(sim().recorder().count(Endpoint.GET_ACCESS_TOKEN)).isEqualTo(1);
      assertThat(stockCalls()).isEmpty();
    }
  }
}

package dev.dropsync.cj;

import static dev.dropsync.cj.TestSupport.error;
import static dev.dropsync.cj.TestSupport.fixture;
import static dev.dropsync.cj.TestSupport.json;
import static dev.dropsync.cj.TestSupport.ok;
import static dev.dropsync.cj.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.model.CreatedOrder;
import dev.dropsync.cj.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class RetryAndOrderSafetyTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final SimClock clock = SimClock.at(TestSupport.START);
  private final VirtualSleeper sleeper = new VirtualSleeper(clock);
  private final List<CjClientListener.RetryEvent> retries = new CopyOnWriteArrayList<>();
  private final List<CjClientListener.RateLimitEvent> throttles = new CopyOnWriteArrayList<>();

  private CjClient client() {
    return TestSupport.client(server, clock, sleeper).listener(new CjClientListener() {
      @Override
      public void onRetry(RetryEvent event) {
        retries.add(event);
      }

      @Override
      public void onRateLimited(RateLimitEvent event) {
        throttles.add(event);
      }
    }).build();
  }

  private List<Duration> backoffWaits() {
    return sleeper.waits.stream().filter(d -> d.compareTo(Duration.ofMillis(100)) > 0).toList();
  }

  @Test
  void retriesBusyThenSucceedsWithGrowingJitteredBackoff() {
    server.enqueue(json(fixture("errors/busy.json")));
    server.enqueue(json(fixture("errors/busy.json")));
    server.enqueue(json(fixture("payments/balance.json")));
    try (CjClient cj = client()) {
      assertThat(cj.payments().getBalance().amount()).isEqualByComparingTo("1523.40");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    List<Duration> waits = backoffWaits();
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(625));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1250));
    assertThat(retries).extracting(CjClientListener.RetryEvent::reason).containsExactly(
        "CjServerException 1600000", "CjServerException 1600000");
  }

  @Test
  void givesUpAfterMaxRetriesWithAttemptCount() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(503, "<html>bad gateway</html>"));
    }
    try (CjClient cj = client()) {
      assertThatThrownBy(() -> cj.payments().getBalance())
          .isInstanceOfSatisfying(CjServerException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.attemptCount()).isEqualTo(4);
            assertThat(e.isRetryable()).isTrue();
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void perCallMaxRetriesZeroDisablesRetries() {
    server.enqueue(json(fixture("errors/busy.json")));
    try (CjClient cj = client()) {
      assertThatThrownBy(() -> cj.payments().getBalanceAsync(RequestOptions.builder().maxRetries(0).build()).join())
          .hasCauseInstanceOf(CjServerException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void throttle429HonoursRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("Too Many Requests").build());
    server.enqueue(json(fixture("payments/balance.json")));
    try (CjClient cj = client()) {
      cj.payments().getBalance();
    }
    assertThat(backoffWaits()).containsExactly(Duration.ofSeconds(7));
    assertThat(throttles).anyMatch(e -> e.serverThrottled() && e.delay().equals(Duration.ofSeconds(7)));
  }

  @Test
  void throttleCodeOnHttp200WaitsAndRetries() {
    server.enqueue(json(fixture("errors/throttle.json")));
    server.enqueue(json(fixture("payments/balance.json")));
    try (CjClient cj = client()) {
      cj.payments().getBalance();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(backoffWaits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void throttledNonIdempotentCallIsRetriedBecauseCjRejectedIt() {
    server.enqueue(json(fixture("errors/throttle.json")));
    server.enqueue(ok("\"SD1\""));
    try (CjClient cj = client()) {
      assertThat(cj.orders().confirmOrder("SD1")).isEqualTo("SD1");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void quotaExhaustedIsTypedAndNotRetried() {
    server.enqueue(json(fixture("errors/quota.json")));
    try (CjClient cj = client()) {
      assertThatThrownBy(() -> cj.stock().byVid("V1"))
          .isInstanceOfSatisfying(CjQuotaExceededException.class, e -> {
            assertThat(e.code()).isEqualTo(16900500);
            assertThat(e.requestId()).isEqualTo("req-quota");
            assertThat(e.resetsAt()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
            assertThat(e.isRetryable()).isFalse();
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void nonIdempotentConfirmIsNotRetriedOn5xx() {
    server.enqueue(json(500, "{\"code\":500,\"result\":false,\"message\":\"boom\"}"));
    server.enqueue(json(500, "{\"code\":500,\"result\":false,\"message\":\"boom\"}"));
    try (CjClient cj = client()) {
      assertThatThrownBy(() -> cj.orders().confirmOrder("SD1")).isInstanceOf(CjServerException.class);
      assertThatThrownBy(() -> cj.payments().payBalance("SD1")).isInstanceOf(CjServerException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void idempotentReadRetriesAfterDisconnectMidBody() {
    server.enqueue(new MockResponse.Builder().code(200).body(fixture("payments/balance.json"))
        .onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build());
    server.enqueue(json(fixture("payments/balance.json")));
    try (CjClient cj = client()) {
      assertThat(cj.payments().getBalance().amount()).isEqualByComparingTo("1523.40");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void malformedJsonIsTypedTransportError() {
    server.enqueue(json("{\"code\":200,\"result\":true,\"data\":{\"amount\":"));
    try (CjClient cj = client()) {
      assertThatThrownBy(() -> cj.payments().getBalance())
          .isInstanceOf(CjMalformedResponseException.class)
          .hasMessageContaining("GET /shopping/pay/getBalance");
    }
  }

  @Test
  void createOrderLostResponseFindsExistingOrderAndDoesNotResend() {
    server.enqueue(new MockResponse.Builder().code(200).body(fixture("orders/create.json"))
        .onResponseStart(new SocketEffect.CloseSocket(true, true, true)).build());
    server.enqueue(json(fixture("orders/detail.json")));
    CreatedOrder o;
    try (CjClient cj = client()) {
      o = cj.orders().createOrderV2(WireTest.order().build());
    }
    assertThat(o.recovered()).isTrue();
    assertThat(o.orderId()).isEqualTo("SD25080109282603297001");
    assertThat(o.orderNumber()).isEqualTo("shop-1001");
    RecordedRequest create = take(server);
    RecordedRequest lookup = take(server);
    assertThat(create.getMethod()).isEqualTo("POST");
    assertThat(lookup.getMethod()).isEqualTo("GET");
    assertThat(lookup.getUrl().encodedPath()).endsWith("/shopping/order/getOrderDetail");
    assertThat(lookup.getUrl().queryParameter("orderId")).isEqualTo("shop-1001");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void createOrderUnknownOutcomeAndNotFoundResendsOnceWithSameOrderNumber() {
    server.enqueue(json(502, "bad gateway"));
    server.enqueue(error(1600300, "order not found"));
    server.enqueue(ok("{\"pageNum\":1,\"pageSize\":50,\"total\":0,\"list\":[]}"));
    server.enqueue(ok("{\"pageNum\":1,\"pageSize\":50,\"total\":1,\"list\":[{\"orderId\":\"1\",\"orderNum\":\"other\"}]}"));
    server.enqueue(json(fixture("orders/create.json")));
    CreatedOrder o;
    try (CjClient cj = client()) {
      o = cj.orders().createOrderV2(WireTest.order().build());
    }
    assertThat(o.recovered()).isFalse();
    RecordedRequest first = take(server);
    take(server);
    assertThat(take(server).getUrl().queryParameter("status")).isEqualTo("CREATED");
    assertThat(take(server).getUrl().queryParameter("status")).isEqualTo("UNPAID");
    RecordedRequest resend = take(server);
    assertThat(resend.getMethod()).isEqualTo("POST");
    assertThat(resend.getBody().utf8()).isEqualTo(first.getBody().utf8());
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void createOrderLookupFailureKeepsOriginalErrorAndNeverResends() {
    server.enqueue(json(fixture("errors/busy.json")));
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(503, "down"));
    }
    try (CjClient cj = client()) {
      assertThatThrownBy(() -> cj.orders().createOrderV2(WireTest.order().build()))
          .isInstanceOfSatisfying(CjServerException.class, e -> assertThat(e.code()).isEqualTo(1600000));
    }
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(take(server).getMethod()).isEqualTo("POST");
    for (int i = 0; i < 4; i++) {
      assertThat(take(server).getMethod()).isEqualTo("GET");
    }
  }

  @Test
  void createOrderBusinessRefusalIsNotLookedUp() {
    server.enqueue(error(1605001, "logistic invalid"));
    try (CjClient cj = client()) {
      assertThatThrownBy(() -> cj.orders().createOrderV2(WireTest.order().build()))
          .isInstanceOf(CjInvalidRequestException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void errorCodesMapToTypedExceptions() {
    server.enqueue(error(1602001, "product offline"));
    server.enqueue(error(1604000, "balance insufficient"));
    server.enqueue(error(1600005, "wrong api key"));
    server.enqueue(error(1603003, "order exists"));
    try (CjClient cj = client()) {
      assertThatThrownBy(() -> cj.products().getByPid("P")).isInstanceOf(CjNotFoundException.class)
          .hasMessageContaining("code 1602001").hasMessageContaining("requestId req-err-1602001");
      assertThatThrownBy(() -> cj.payments().payBalance("SD")).isInstanceOf(CjPaymentException.class);
      assertThatThrownBy(() -> cj.payments().getBalance()).isInstanceOf(CjAuthenticationException.class);
      assertThatThrownBy(() -> cj.orders().deleteOrder("SD")).isExactlyInstanceOf(CjException.class);
    }
  }
}

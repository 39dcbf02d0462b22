package dev.dropsync.cj;

import static dev.dropsync.cj.TestSupport.fixture;
import static dev.dropsync.cj.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.model.Balance;
import dev.dropsync.cj.model.ProductListRequest;
import dev.dropsync.cj.testkit.SimClock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AsyncTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final SimClock clock = SimClock.at(TestSupport.START);
  private final VirtualSleeper sleeper = new VirtualSleeper(clock);

  @Test
  void asyncCallCompletesOnTheInjectedExecutor() throws Exception {
    AtomicInteger used = new AtomicInteger();
    Executor counting = r -> {
      used.incrementAndGet();
      new Thread(r, "injected").start();
    };
    server.enqueue(json(fixture("payments/balance.json")));
    server.enqueue(json(fixture("products/list-page1.json")));
    try (CjClient cj = TestSupport.client(server, clock, sleeper).executor(counting).build()) {
      Balance b = cj.payments().getBalanceAsync(RequestOptions.none()).get(30, TimeUnit.SECONDS);
      assertThat(b.amount()).isEqualByComparingTo("1523.40");
      assertThat(cj.products().listAsync(ProductListRequest.firstPage()).get(30, TimeUnit.SECONDS).items()).hasSize(2);
    }
    assertThat(used.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void asyncFailureCarriesTypedException() {
    server.enqueue(TestSupport.error(1602000, "variant not found"));
    try (CjClient cj = TestSupport.client(server, clock, sleeper).build()) {
      CompletableFuture<?> f = cj.products().variantByVidAsync("V404", RequestOptions.none());
      assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CjNotFoundException.class);
    }
  }

  @Test
  void cjFuturesAwaitRethrowsTheCallsOwnExceptionUnwrapped() {
    server.enqueue(TestSupport.error(1602000, "variant not found"));
    server.enqueue(json(fixture("payments/balance.json")));
    try (CjClient cj = TestSupport.client(server, clock, sleeper).build()) {
      CompletableFuture<?> missing = cj.products().variantByVidAsync("V404", RequestOptions.none());
      assertThatThrownBy(() -> CjFutures.await(missing, "/product/variant/queryByVid"))
          .isInstanceOf(CjNotFoundException.class);
      assertThat(CjFutures.await(cj.payments().getBalanceAsync(RequestOptions.none()), "/shopping/pay/getBalance").amount())
          .isEqualByComparingTo("1523.40");
    }
  }

  @Test
  void cjFuturesAwaitTurnsCancellationIntoATransportError() {
    CompletableFuture<String> f = new CompletableFuture<>();
    f.cancel(true);
    assertThatThrownBy(() -> CjFutures.await(f, "/x")).isInstanceOf(CjTransportException.class).hasMessageContaining("/x");
  }

  @Test
  void cancelTrueCancelsTheHttpCall() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        arrived.countDown();
        release.await(30, TimeUnit.SECONDS);
        return json(fixture("payments/balance.json"));
      }
    });
    CountDownLatch finished = new CountDownLatch(1);
    AtomicReference<@Nullable String> failure = new AtomicReference<>();
    try (CjClient cj = TestSupport.client(server, clock, sleeper).listener(new CjClientListener() {
      @Override
      public void onResponse(ResponseEvent event) {
        failure.set(event.failure());
        finished.countDown();
      }
    }).build()) {
      CompletableFuture<Balance> f = cj.payments().getBalanceAsync(RequestOptions.none());
      assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(f.cancel(true)).isTrue();
      assertThat(finished.await(30, TimeUnit.SECONDS)).as("OkHttp call ended after cancel").isTrue();
      assertThat(failure.get()).isEqualTo("CjTransportException");
      assertThat(f.isCancelled()).isTrue();
    } finally {
      release.countDown();
    }
  }
}

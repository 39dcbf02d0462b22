package dev.dropsync.cj.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.RequestOptions;
import dev.dropsync.cj.model.OrderListRequest;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The QPS limiter is the subject, so this test runs on the real clock: the simulator counts calls per
 * real second and answers CJ's throttle when a window holds more than the account's QPS.
 */
class SimQpsConcurrencyTest {
  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 2;

  @Test
  void eightThreadsSharingOneClientAtQps2GetNoThrottleAnswer() throws Exception {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (CjSimulator sim = CjSimulator.builder().qps(2).products(20).seed(11).build().start();
        CjClient cj = CjClient.builder().apiKey(sim.apiKey()).baseUrl(sim.baseUrl()).qps(2).build()) {
      List<String> pids = sim.catalog().productIds();
      List<String> vids = sim.catalog().inStockVariantIds();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        SplittableRandom r = random.split();
        results.add(pool.submit(() -> {
          start.await();
          int ok = 0;
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            switch (r.nextInt(5)) {
              case 0 -> assertThat(cj.payments().getBalance().amount()).isPositive();
              case 1 -> assertThat(cj.products().getByPid(pids.get(r.nextInt(pids.size()))).pid()).isNotBlank();
              case 2 -> assertThat(cj.stock().byVid(vids.get(r.nextInt(vids.size())))).isNotEmpty();
              case 3 -> assertThat(cj.payments().getBalanceAsync(RequestOptions.none()).get(30, TimeUnit.SECONDS).amount())
                  .isPositive();
              default -> assertThat(cj.orders().list(OrderListRequest.byStatus("CREATED", 1, 10)).items()).isNotNull();
            }
            ok++;
          }
          return ok;
        }));
      }
      start.countDown();
      int succeeded = 0;
      for (Future<Integer> f : results) {
        succeeded += f.get(60, TimeUnit.SECONDS);
      }

      String why = "seed " + seed + ", calls " + sim.recorder().calls().stream().map(RecordedCall::time).toList();
      assertThat(succeeded).as(why).isEqualTo(THREADS * CALLS_PER_THREAD);
      assertThat(sim.recorder().throttleViolations()).as(why).isZero();
      assertThat(sim.recorder().maxCallsWithin(Duration.ofSeconds(1))).as(why).isLessThanOrEqualTo(2);
      assertThat(sim.recorder().count(Endpoint.GET_ACCESS_TOKEN)).as(why).isEqualTo(1);
      assertThat(sim.recorder().calls().stream().filter(c -> c.endpoint() != null && c.endpoint().requiresToken()))
          .as(why).hasSize(THREADS * CALLS_PER_THREAD);
    } finally {
      pool.shutdownNow();
    }
  }
}

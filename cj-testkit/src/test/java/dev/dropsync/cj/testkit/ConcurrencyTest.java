package dev.dropsync.cj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void concurrentOrdersAndStockReadsStayConsistent() throws Exception {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    SimClock clock = SimClock.at(Instant.parse("2026-11-24T08:00:00Z"));
    try (CjSimulator sim = CjSimulator.builder().clock(clock).products(30).seed(seed).qpsEnforced(false).build()
        .start(); Api api = new Api(sim)) {
      api.login();
      List<String> vids = sim.catalog().inStockVariantIds();
      int threads = 8;
      int perThread = 15;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      Set<String> expected = new HashSet<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        long threadSeed = random.nextLong();
        for (int i = 0; i < perThread; i++) {
          expected.add("c-" + thread + "-" + i);
        }
        futures.add(pool.submit(() -> {
          SplittableRandom r = new SplittableRandom(threadSeed);
          go.await();
          int created = 0;
          for (int i = 0; i < perThread; i++) {
            String vid = vids.get(r.nextInt(vids.size()));
            if (r.nextBoolean()) {
              api.get("/product/stock/queryByVid", "vid", vid);
            }
            if (api.post("/shopping/order/createOrderV2", OrderTest.order("c-" + thread + "-" + i, vid,
                ",\"payType\":3")).code() == 200) {
              created++;
            }
          }
          return created;
        }));
      }
      go.countDown();
      int created = 0;
      for (Future<Integer> f : futures) {
        created += f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(created).as("seed %d", seed).isEqualTo(threads * perThread);
      assertThat(sim.orders().count()).as("seed %d", seed).isEqualTo(threads * perThread);
      assertThat(sim.recorder().duplicateOrderNumbers()).as("seed %d", seed).isEmpty();
      Set<String> numbers = new HashSet<>();
      Set<String> codes = new HashSet<>();
      for (SimOrder o : sim.orders().all()) {
        numbers.add(o.orderNumber());
        codes.add(o.cjOrderId());
      }
      assertThat(numbers).as("seed %d", seed).isEqualTo(expected);
      assertThat(codes).as("seed %d", seed).hasSize(threads * perThread);
    }
  }
}

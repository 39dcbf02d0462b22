package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.internal.Keys;
import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.automation.testing.CjPayloads;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Randomised: many threads deliver the same messages many times, interleaved with forged copies.
 * Every message ends with exactly one log entry (its duplicates counted), exactly one {@code
 * webhook_process} task, and is processed once. Rerun a failing seed with {@code
 * -Dautomation.seed=<seed>}.
 */
class ConcurrentWebhookDeliveryTest {
  private static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

  private record Delivery(String messageId, String text, boolean forged) {
    byte[] body() {
      return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @RepeatedTest(5)
  void concurrentDeliveriesOfOneMessageLogItOnceQueueItOnceAndProcessItOnce() throws Exception {
    long seed = Long.getLong("automation.seed", new Random().nextLong());
    String why = "seed " + seed + " (rerun with -Dautomation.seed=" + seed + ")";
    SplittableRandom random = new SplittableRandom(seed);
    AutomationFixture fx = new AutomationFixture();
    TenantId shop = TenantId.of("shop-1");
    TenantAutomation t = fx.onboard("shop-1", Plan.PREMIUM);
    fx.product(shop, "CJ-MUG", 10, "4.20");
    fx.product(shop, "CJ-LAMP", 10, "9.00");

    int messages = 10 + random.nextInt(30);
    Map<String, Integer> genuine = new HashMap<>();
    int forgedCount = 0;
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      String id = "m-" + seed + "-" + i;
      byte[] body = switch (random.nextInt(3)) {
        case 0 -> CjPayloads.stock(id, "CJ-MUG-V1", random.nextInt(100));
        case 1 -> CjPayloads.product(id, "CJ-LAMP", 3);
        default -> CjPayloads.stock(id, "UNKNOWN-" + i, 1);
      };
      int times = 2 + random.nextInt(7);
      genuine.put(id, times);
      for (int k = 0; k < times; k++) {
        deliveries.add(new Delivery(id, new String(body, java.nio.charset.StandardCharsets.UTF_8), false));
      }
      if (random.nextInt(3) == 0) {
        deliveries.add(new Delivery(id, new String(body, java.nio.charset.StandardCharsets.UTF_8), true));
        forgedCount++;
      }
    }
    Collections.shuffle(deliveries, new Random(random.nextLong()));

    int threads = 8;
    Map<String, List<WebhookAck>> acks = new ConcurrentHashMap<>();
    List<WebhookAck> refused = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int worker = w;
        done.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          for (int i = worker; i < deliveries.size(); i += threads) {
            Delivery d = deliveries.get(i);
            if (d.forged()) {
              refused.add(fx.automation.webhooks().receive(shop, d.body(), CjPayloads.headers(d.body(), "666")));
            } else {
              acks.computeIfAbsent(d.messageId(), k -> new CopyOnWriteArrayList<>()).add(fx.deliver(shop, d.body()));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(refused).as(why).hasSize(forgedCount).allSatisfy(a -> assertThat(a.status()).isEqualTo(401));
    List<AutomationTask> tasks = t.tasks().stream().filter(x -> x.type().equals(TaskTypes.WEBHOOK_PROCESS)).toList();
    assertThat(tasks).as(why).hasSize(messages);
    for (Map.Entry<String, Integer> e : genuine.entrySet()) {
      String id = e.getKey();
      List<WebhookAck> got = acks.get(id);
      assertThat(got).as(why + " " + id).hasSize(e.getValue()).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
      assertThat(got).as(why).filteredOn(a -> a.disposition() == WebhookDisposition.ACCEPTED).hasSize(1);
      assertThat(got).as(why).filteredOn(a -> a.disposition() == WebhookDisposition.DUPLICATE).hasSize(e.getValue() - 1);
      AutomationTask task = tasks.stream().filter(x -> x.instanceKey().equals(Keys.task(TaskTypes.WEBHOOK_PROCESS, shop, id)))
          .findFirst().orElseThrow();
      assertThat(got).as(why).extracting(WebhookAck::taskId).containsOnly(task.id()); // every duplicate names the one task
      assertThat(got.stream().filter(a -> a.disposition() == WebhookDisposition.ACCEPTED).findFirst().orElseThrow().taskId())
          .as(why).isEqualTo(task.id());
      WebhookLog entry = t.webhookLog(id);
      assertThat(entry.duplicates()).as(why).isEqualTo(e.getValue() - 1);
      assertThat(entry.taskId()).as(why).isEqualTo(task.id());
    }
    List<WebhookLog> log = t.webhookLogs(Instant.EPOCH, FAR, null, 1000);
    assertThat(log).as(why).filteredOn(WebhookLog::verified).hasSize(messages);
    assertThat(log).as(why).filteredOn(x -> !x.verified()).hasSize(forgedCount);

    fx.runDue();

    assertThat(t.webhookLogs(Instant.EPOCH, FAR, null, 1000)).as(why).filteredOn(WebhookLog::verified)
        .hasSize(messages).allSatisfy(x -> {
          assertThat(x.processed()).isTrue();
          assertThat(x.outcome()).isIn(WebhookOutcome.APPLIED, WebhookOutcome.IGNORED);
        });
    assertThat(t.tasks().stream().filter(x -> x.type().equals(TaskTypes.WEBHOOK_PROCESS)))
        .as(why).hasSize(messages).allSatisfy(x -> assertThat(x.status()).isEqualTo(TaskStatus.COMPLETED));
  }
}

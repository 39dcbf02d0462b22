package dev.dropsync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Several scheduler instances with real worker threads on one in-memory store, plus one instance
 * that claims tasks and then crashes. Randomised (seed in every failure message): no task ever runs
 * twice at the same time, none is missed, each succeeds exactly once, and each schedule fire time
 * yields exactly one task. Time is virtual: the test advances the clock in lock-step rounds.
 */
class MultiInstanceSchedulerTest {

  @Test
  void instancesSharingAStoreNeverRunATaskConcurrentlyAndMissNone() throws Exception {
    long seed = new SplittableRandom().nextLong();
    String ctx = "seed " + seed;
    SplittableRandom random = new SplittableRandom(seed);
    MutableClock clock = MutableClock.at("2026-05-01T00:00:00Z");
    InMemoryTaskStore store = new InMemoryTaskStore();

    Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    TaskHandler handler =
        context -> {
          String id = context.task().id();
          int now = active.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
          try {
            if (now > 1) {
              overlaps.incrementAndGet();
            }
            long h = (id.hashCode() * 31L + context.attempt()) ^ seed;
            if (Math.floorMod(h, 5) == 0) {
              throw new IllegalStateException("transient failure, attempt " + context.attempt());
            }
            successes.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
          } finally {
            active.get(id).decrementAndGet();
          }
        };

    Duration heartbeat = Duration.ofSeconds(10);
    Duration dead = Duration.ofHours(1);
    Scheduler crashed =
        Scheduler.builder()
            .clock(clock).store(store).workerId("crashed").workerCount(5)
            .executor(command -> {}) // claims, then never runs anything: a crashed node
            .heartbeatInterval(heartbeat).deadClaimTimeout(dead)
            .handler("sync", handler)
            .build();
    List<Scheduler> live = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      live.add(
          Scheduler.builder()
              .clock(clock).store(store).workerId("live-" + i).workerCount(3)
              .heartbeatInterval(heartbeat).deadClaimTimeout(dead)
              .backoff(new BackoffPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(20)))
              .handler("sync", handler)
              .maxConcurrency("sync", 8)
              .build());
    }
    int taskCount = 400 + random.nextInt(200);
    String[] owners = {"t1", "t2", "t3", "t4", "t5"};
    for (int i = 0; i < taskCount; i++) {
      live.get(0)
          .submit(
              TaskRequest.builder()
                  .type("sync")
                  .owner(owners[random.nextInt(owners.length)])
                  .instanceKey("task-" + i)
                  .priority(TaskPriority.values()[random.nextInt(4)])
                  .maxRetries(12)
                  .runAt(clock.instant().plusSeconds(random.nextInt(600)))
                  .build());
    }
    // the crashed node grabs a first batch and dies holding it
    clock.advance(Duration.ofSeconds(600));
    assertThat(crashed.tick()).as(ctx).isEqualTo(5);
    java.time.Instant scheduleCreated = clock.instant();
    live.get(0).schedule(
        ScheduleRequest.builder()
            .id("minutely").owner("t1").taskType("sync")
            .recurrence(Recurrence.cron("0 * * * * ?", ZoneOffset.UTC))
            .maxRetries(12)
            .build());


    CyclicBarrier start = new CyclicBarrier(live.size() + 1);
    CyclicBarrier end = new CyclicBarrier(live.size() + 1);
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService tickers = Executors.newFixedThreadPool(live.size());
    List<Future<?>> futures = new ArrayList<>();
    for (Scheduler s : live) {
      futures.add(
          tickers.submit(
              () -> {
                while (true) {
                  start.await(60, TimeUnit.SECONDS);
                  if (stop.get()) {
                    return null;
                  }
                  s.tick();
                  end.await(60, TimeUnit.SECONDS);
                }
              }));
    }
    int rounds = 0;
    long fires;
    java.time.Instant pausedAt = clock.instant();
    try {
      while (rounds < 3000) {
        clock.advance(Duration.ofSeconds(10));
        start.await(60, TimeUnit.SECONDS);
        end.await(60, TimeUnit.SECONDS);
        rounds++;
        if (rounds == 400) {
          // stop the schedule after ~66 virtual minutes; the crashed node's claims expire at 60
          live.get(1).pause("minutely");
          pausedAt = clock.instant();
        }
        if (rounds > 400 && rounds % 10 == 0 && allTerminal(store, owners)) {
          break;
        }
      }
      stop.set(true);
      start.await(60, TimeUnit.SECONDS);
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      tickers.shutdownNow();
      for (Scheduler s : live) {
        s.shutdown(Duration.ofSeconds(30));
      }
      crashed.shutdown(Duration.ZERO);
    }
    assertThat(allTerminal(store, owners)).as(ctx + " after " + rounds + " rounds").isTrue();
    assertThat(overlaps.get()).as(ctx).isZero();
    List<AutomationTask> all = new ArrayList<>();
    for (String o : owners) {
      all.addAll(store.tasksByOwner(o));
    }
    fires = all.stream().filter(t -> "minutely".equals(t.scheduleId())).count();
    assertThat(all).as(ctx).allMatch(t -> t.status() == TaskStatus.COMPLETED);
    assertThat(all).hasSize((int) (taskCount + fires));
    for (AutomationTask t : all) {
      assertThat(successes.get(t.id())).as(ctx + " task " + t.instanceKey()).isNotNull();
      assertThat(successes.get(t.id()).get()).as(ctx + " task " + t.instanceKey()).isEqualTo(1);
    }
    // the minutely schedule fired once for every minute boundary until it was paused
    long minutes = Duration.between(scheduleCreated, pausedAt).toMinutes();
    assertThat(fires).as(ctx).isEqualTo(minutes);
    assertThat(all.stream().filter(t -> "minutely".equals(t.scheduleId())).map(AutomationTask::instanceKey).distinct().count())
        .isEqualTo(fires);
  }

  private static boolean allTerminal(InMemoryTaskStore store, String[] owners) {
    for (String o : owners) {
      for (AutomationTask t : store.tasksByOwner(o)) {
        if (!t.status().isTerminal()) {
          return false;
        }
      }
    }
    return true;
  }
}

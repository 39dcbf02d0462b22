package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.dropsync.inventory.testing.MutableClock;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.BackoffPolicy;
import dev.dropsync.scheduler.Recurrence;
import dev.dropsync.scheduler.ScheduleRequest;
import dev.dropsync.scheduler.Scheduler;
import dev.dropsync.scheduler.SchedulerListener;
import dev.dropsync.scheduler.TaskHandler;
import dev.dropsync.scheduler.TaskPriority;
import dev.dropsync.scheduler.TaskRequest;
import dev.dropsync.scheduler.TaskStatus;
import java.time.Duration;
import java.time.Instant;
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
 * Several {@link Scheduler} instances in one JVM, each with its own {@link JdbcTaskStore} on its
 * own connection pool, share one PostgreSQL; one more instance claims a batch and then "crashes"
 * holding it. Randomised (seed in every failure message, rerun with {@code -Dstorage.seed=}): no
 * task ever runs twice at the same time, none is lost, each succeeds exactly once (transient
 * failures are retried), per-type concurrency stays within its limit across instances, and the
 * minutely schedule yields exactly one task per fire time. Time is virtual: the test moves a
 * shared clock in lock-step rounds and calls {@link Scheduler#tick()}.
 */
class JdbcMultiSchedulerTest {

  @Test
  void instancesOnOneDatabaseRunEveryTaskOnceNeverConcurrentlyAndRecoverACrashedNode() throws Exception {
    long seed = Long.getLong("storage.seed", new SplittableRandom().nextLong());
    String ctx = "seed " + seed + " (rerun with -Dstorage.seed=" + seed + ")";
    SplittableRandom random = new SplittableRandom(seed);
    TestDatabase db = TestDatabase.get();
    db.fresh();
    MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));

    Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger runningSync = new AtomicInteger();
    AtomicInteger maxRunningSync = new AtomicInteger();
    int syncLimit = 4;
    TaskHandler handler = context -> {
      String id = context.task().id();
      int now = active.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      int sync = runningSync.incrementAndGet();
      maxRunningSync.accumulateAndGet(sync, Math::max);
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
        runningSync.decrementAndGet();
        active.get(id).decrementAndGet();
      }
    };

    Duration heartbeat = Duration.ofSeconds(10);
    Duration dead = Duration.ofHours(1);
    List<HikariDataSource> pools = new ArrayList<>();
    HikariDataSource crashedPool = db.newAppPool("crashed", 2);
    pools.add(crashedPool);
    Scheduler crashed = Scheduler.builder()
        .clock(clock).store(new JdbcTaskStore(crashedPool)).workerId("crashed").workerCount(5)
        .executor(command -> { }) // claims, then never runs anything: a crashed node
        .heartbeatInterval(heartbeat).deadClaimTimeout(dead)
        .handler("sync", handler)
        .build();
    List<Scheduler> live = new ArrayList<>();
    List<AutomationTask> recovered = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 3; i++) {
      HikariDataSource pool = db.newAppPool("live-" + i, 4);
      pools.add(pool);
      live.add(Scheduler.builder()
          .clock(clock).store(new JdbcTaskStore(pool)).workerId("live-" + i).workerCount(3)
          .heartbeatInterval(heartbeat).deadClaimTimeout(dead)
          .backoff(new BackoffPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(20)))
          .handler("sync", handler)
          .maxConcurrency("sync", syncLimit)
          .listener(new SchedulerListener() {
            @Override
            public void onDead(AutomationTask task) {
              recovered.add(task);
            }
          })
          .build());
    }
    int taskCount = 200 + random.nextInt(100);
    String[] owners = {"t1", "t2", "t3", "t4", "t5"};
    for (int i = 0; i < taskCount; i++) {
      live.get(i % live.size()).submit(TaskRequest.builder()
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
    Instant scheduleCreated = clock.instant();
    live.get(0).schedule(ScheduleRequest.builder()
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
      futures.add(tickers.submit(() -> {
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
    JdbcTaskStore observer = new JdbcTaskStore(db.app());
    int rounds = 0;
    Instant pausedAt = clock.instant();
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
        if (rounds > 400 && rounds % 10 == 0 && allTerminal(observer, owners)) {
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
      pools.forEach(HikariDataSource::close);
    }
    assertThat(allTerminal(observer, owners)).as(ctx + " after " + rounds + " rounds").isTrue();
    assertThat(overlaps.get()).as(ctx).isZero();
    assertThat(maxRunningSync.get()).as(ctx + ": per-type limit across instances").isLessThanOrEqualTo(syncLimit);
    List<AutomationTask> all = new ArrayList<>();
    for (String o : owners) {
      all.addAll(observer.tasksByOwner(o));
    }
    long fires = all.stream().filter(t -> "minutely".equals(t.scheduleId())).count();
    assertThat(all).as(ctx).allMatch(t -> t.status() == TaskStatus.COMPLETED);
    assertThat(all).as(ctx).hasSize((int) (taskCount + fires));
    for (AutomationTask t : all) {
      assertThat(successes.get(t.id())).as(ctx + " task " + t.instanceKey()).isNotNull();
      assertThat(successes.get(t.id()).get()).as(ctx + " task " + t.instanceKey()).isEqualTo(1);
    }
    long minutes = Duration.between(scheduleCreated, pausedAt).toMinutes();
    assertThat(fires).as(ctx).isEqualTo(minutes);
    assertThat(all.stream().filter(t -> "minutely".equals(t.scheduleId())).map(AutomationTask::instanceKey).distinct()
        .count()).as(ctx).isEqualTo(fires);
    // the crashed node's five claims were each recovered once, by one of the others
    assertThat(recovered).as(ctx).hasSize(5)
        .allMatch(t -> t.lastError() != null && t.lastError().startsWith("claim by crashed expired"));
  }

  private static boolean allTerminal(JdbcTaskStore store, String[] owners) {
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

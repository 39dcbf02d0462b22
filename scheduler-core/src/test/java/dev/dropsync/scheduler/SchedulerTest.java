package dev.dropsync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  private static final ZoneId UTC = ZoneOffset.UTC;

  private final MutableClock clock = MutableClock.at("2026-03-01T00:00:00Z");
  private final InMemoryTaskStore store = new InMemoryTaskStore();
  private final RecordingListener events = new RecordingListener();

  /** Runs submitted runnables only when the test says so. */
  static final class ManualExecutor implements Executor {
    final ArrayDeque<Runnable> queue = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable command) {
      queue.add(command);
    }

    synchronized void runAll() {
      while (!queue.isEmpty()) {
        queue.poll().run();
      }
    }
  }

  static final class RecordingListener implements SchedulerListener {
    final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onClaimed(AutomationTask task) {
      log.add("claimed " + task.instanceKey());
    }

    @Override
    public void onCompleted(AutomationTask task, Duration duration) {
      log.add("completed " + task.instanceKey());
    }

    @Override
    public void onFailed(AutomationTask task, Throwable error) {
      log.add("failed " + task.instanceKey());
    }

    @Override
    public void onRetried(AutomationTask task, Throwable error, Instant nextAttemptAt) {
      log.add("retried " + task.instanceKey() + " at " + nextAttemptAt);
    }

    @Override
    public void onDead(AutomationTask task) {
      log.add("dead " + task.instanceKey());
    }

    @Override
    public void onReleased(AutomationTask task) {
      log.add("released " + task.instanceKey());
    }

    @Override
    public void onMisfired(Schedule schedule, long missedCount, MisfirePolicy policy) {
      log.add("misfired " + schedule.id() + " " + missedCount + " " + policy.kind());
    }

    long count(String prefix) {
      synchronized (log) {
        return log.stream().filter(s -> s.startsWith(prefix)).count();
      }
    }
  }

  private Scheduler.Builder builder(TaskHandler handler) {
    return Scheduler.builder()
        .clock(clock)
        .store(store)
        .workerId("w1")
        .workerCount(1)
        .executor(Runnable::run)
        .listener(events)
        .jitter(() -> 0.0)
        .handler("sync", handler);
  }

  private AutomationTask submit(Scheduler s, String key, String owner, TaskPriority p, Instant at) {
    return s.submit(
        TaskRequest.builder()
            .type("sync")
            .owner(owner)
            .instanceKey(key)
            .priority(p)
            .runAt(at)
            .build());
  }

  private AutomationTask reload(AutomationTask t) {
    return store.findTask(t.id()).orElseThrow();
  }

  // ---------------------------------------------------------------- listeners

  @Test
  void addedListenersAllReceiveEveryEventEvenWhenOneThrows() {
    RecordingListener second = new RecordingListener();
    SchedulerListener throwing = new SchedulerListener() {
      @Override
      public void onCompleted(AutomationTask task, Duration duration) {
        throw new IllegalStateException("listener bug");
      }
    };
    Scheduler s = builder(ctx -> {
      if (ctx.task().instanceKey().equals("bad")) {
        throw new NonRetryableTaskException("no");
      }
    }).addListener(throwing).addListener(second).build();
    submit(s, "good", "a", TaskPriority.MEDIUM, clock.instant());
    submit(s, "bad", "a", TaskPriority.MEDIUM, clock.instant());
    while (s.tick() > 0) {
      // drain
    }
    assertThat(events.log).contains("completed good", "failed bad");
    assertThat(second.log).containsExactlyElementsOf(events.log);
    assertThat(store.findTask("sync", "good").orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void listenerReplacesWhatWasAdded() {
    RecordingListener added = new RecordingListener();
    Scheduler s = builder(ctx -> {}).addListener(added).listener(events).build();
    submit(s, "one", "a", TaskPriority.MEDIUM, clock.instant());
    s.tick();
    assertThat(events.log).contains("completed one");
    assertThat(added.log).isEmpty();
  }

  // ---------------------------------------------------------------- ordering and fairness

  @Test
  void runsHighestPriorityFirstThenOldest() {
    List<String> ran = new ArrayList<>();
    Scheduler s = builder(ctx -> ran.add(ctx.task().instanceKey())).build();
    Instant now = clock.instant();
    submit(s, "low", "a", TaskPriority.LOW, now.minusSeconds(300));
    submit(s, "high-new", "a", TaskPriority.HIGH, now.minusSeconds(10));
    submit(s, "critical", "a", TaskPriority.CRITICAL, now);
    submit(s, "high-old", "a", TaskPriority.HIGH, now.minusSeconds(100));
    submit(s, "medium", "a", TaskPriority.MEDIUM, now.minusSeconds(200));
    submit(s, "future", "a", TaskPriority.CRITICAL, now.plusSeconds(60));
    while (s.tick() > 0) {
      // drain
    }
    assertThat(ran).containsExactly("critical", "high-old", "high-new", "medium", "low");
    clock.advance(Duration.ofSeconds(60));
    s.tick();
    assertThat(ran).endsWith("future");
  }

  @Test
  void floodingTenantDoesNotStarveAnother() {
    List<String> ran = new ArrayList<>();
    Scheduler s = builder(ctx -> ran.add(ctx.task().owner())).build();
    Instant now = clock.instant();
    for (int i = 0; i < 100; i++) {
      submit(s, "flood-" + i, "flooder", TaskPriority.MEDIUM, now.minusSeconds(500 - i));
    }
    submit(s, "q1", "quiet", TaskPriority.MEDIUM, now);
    submit(s, "q2", "quiet", TaskPriority.MEDIUM, now);
    for (int i = 0; i < 4; i++) {
      s.tick();
    }
    assertThat(ran).containsExactly("flooder", "quiet", "flooder", "quiet");
  }

  @Test
  void perTypeConcurrencyLimitIsRespected() {
    ManualExecutor manual = new ManualExecutor();
    Scheduler s = builder(ctx -> {}).workerCount(5).executor(manual).maxConcurrency("sync", 2).build();
    for (int i = 0; i < 5; i++) {
      submit(s, "k" + i, "a", TaskPriority.MEDIUM, clock.instant());
    }
    assertThat(s.tick()).isEqualTo(2);
    assertThat(s.tick()).isZero();
    manual.runAll();
    assertThat(s.tick()).isEqualTo(2);
  }

  // ---------------------------------------------------------------- retries

  @Test
  void retriesWithExponentialBackoffAndJitterThenFailsKeepingTheError() {
    AtomicInteger attempts = new AtomicInteger();
    double[] jitters = {0.0, 0.5, 0.9};
    AtomicInteger j = new AtomicInteger();
    Scheduler s =
        builder(
                ctx -> {
                  throw new IllegalStateException("boom " + attempts.incrementAndGet());
                })
            .backoff(new BackoffPolicy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(25)))
            .jitter(() -> jitters[j.getAndIncrement()])
            .build();
    AutomationTask t =
        s.submit(TaskRequest.builder().type("sync").owner("a").instanceKey("k").maxRetries(3).build());
    Instant start = clock.instant();

    s.tick();
    // retry 1: min(25, 10) * (0.5 + 0.0/2) = 5 s
    assertThat(reload(t).scheduledAt()).isEqualTo(start.plusSeconds(5));
    assertThat(reload(t).retryCount()).isEqualTo(1);
    clock.advance(Duration.ofMillis(4999));
    assertThat(s.tick()).isZero();
    clock.advance(Duration.ofMillis(1));
    s.tick();
    // retry 2: min(25, 20) * 0.75 = 15 s
    Instant second = start.plusSeconds(5);
    assertThat(reload(t).scheduledAt()).isEqualTo(second.plusSeconds(15));
    clock.set(second.plusSeconds(15));
    s.tick();
    // retry 3: min(25, 40) * 0.95 = 23.75 s
    Instant third = second.plusSeconds(15);
    assertThat(reload(t).scheduledAt()).isEqualTo(third.plusMillis(23_750));
    clock.set(third.plusMillis(23_750));
    s.tick();
    AutomationTask failed = reload(t);
    assertThat(attempts.get()).isEqualTo(4);
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.retryCount()).isEqualTo(3);
    assertThat(failed.lastError()).isEqualTo("java.lang.IllegalStateException: boom 4");
    assertThat(events.count("retried")).isEqualTo(3);
    assertThat(events.count("failed")).isEqualTo(1);
    SchedulerMetrics.TypeMetrics m = s.metrics().byType().get("sync");
    assertThat(m).isNotNull();
    assertThat(m.retried()).isEqualTo(3);
    assertThat(m.failed()).isEqualTo(1);
  }

  @Test
  void retriesThenSucceeds() {
    AtomicInteger attempts = new AtomicInteger();
    Scheduler s =
        builder(
                ctx -> {
                  if (attempts.incrementAndGet() < 3) {
                    throw new java.io.IOException("busy");
                  }
                })
            .build();
    AutomationTask t = s.submit(TaskRequest.builder().type("sync").owner("a").build());
    for (int i = 0; i < 10; i++) {
      s.tick();
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(reload(t).status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(reload(t).retryCount()).isEqualTo(2);
    assertThat(reload(t).lastError()).contains("busy");
    assertThat(s.metrics().byType().get("sync")).isNotNull();
    assertThat(s.metrics().byType().get("sync").succeeded()).isEqualTo(1);
  }

  @Test
  void nonRetryableErrorFailsAtOnce() {
    Scheduler s =
        builder(
                ctx -> {
                  throw new IllegalArgumentException(
                      "wrapped", new NonRetryableTaskException("quota exhausted"));
                })
            .build();
    AutomationTask t =
        s.submit(TaskRequest.builder().type("sync").owner("a").maxRetries(5).build());
    s.tick();
    assertThat(reload(t).status()).isEqualTo(TaskStatus.FAILED);
    assertThat(reload(t).retryCount()).isZero();
    assertThat(events.count("retried")).isZero();
  }

  @Test
  void attemptThatExceedsItsTimeoutIsAbandonedAndRetried() {
    ManualExecutor manual = new ManualExecutor();
    AtomicInteger ran = new AtomicInteger();
    Scheduler s = builder(ctx -> ran.incrementAndGet()).executor(manual).build();
    AutomationTask t =
        s.submit(
            TaskRequest.builder().type("sync").owner("a").timeout(Duration.ofMinutes(1)).build());
    s.tick();
    clock.advance(Duration.ofSeconds(59));
    s.tick();
    assertThat(reload(t).status()).isEqualTo(TaskStatus.RUNNING);
    clock.advance(Duration.ofSeconds(1));
    s.tick();
    AutomationTask retried = reload(t);
    assertThat(retried.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(retried.retryCount()).isEqualTo(1);
    assertThat(retried.lastError()).contains("timed out after PT1M");
    manual.runAll(); // the abandoned attempt never starts
    assertThat(ran.get()).isZero();
    assertThat(s.metrics().byType().get("sync")).isNotNull();
    assertThat(s.metrics().byType().get("sync").timedOut()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- crash recovery

  @Test
  void crashedWorkersTaskRunsAgainAfterHeartbeatTimeout() {
    ManualExecutor neverRuns = new ManualExecutor();
    AtomicInteger runsA = new AtomicInteger();
    AtomicInteger runsB = new AtomicInteger();
    Scheduler a =
        builder(ctx -> runsA.incrementAndGet())
            .workerId("a")
            .executor(neverRuns)
            .heartbeatInterval(Duration.ofSeconds(30))
            .deadClaimTimeout(Duration.ofMinutes(5))
            .build();
    Scheduler b =
        builder(ctx -> runsB.incrementAndGet())
            .workerId("b")
            .heartbeatInterval(Duration.ofSeconds(30))
            .deadClaimTimeout(Duration.ofMinutes(5))
            .build();
    AutomationTask t = a.submit(TaskRequest.builder().type("sync").owner("o").instanceKey("k").build());
    assertThat(a.tick()).isEqualTo(1); // a claims, then "crashes": it never ticks again
    clock.advance(Duration.ofMinutes(5));
    assertThat(b.tick()).isZero();
    assertThat(reload(t).pickedBy()).isEqualTo("a");
    clock.advance(Duration.ofSeconds(1));
    assertThat(b.tick()).isEqualTo(1);
    assertThat(runsB.get()).isEqualTo(1);
    assertThat(reload(t).status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(events.count("dead k")).isEqualTo(1);
    // the frozen worker wakes up and finishes: its stale claim cannot overwrite anything
    neverRuns.runAll();
    assertThat(runsA.get()).isEqualTo(1);
    assertThat(reload(t).status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(reload(t).pickedBy()).isNull();
    assertThat(events.count("completed k")).isEqualTo(1);
  }

  @Test
  void heartbeatsKeepALongTaskClaimed() {
    ManualExecutor manual = new ManualExecutor();
    Scheduler a =
        builder(ctx -> {})
            .workerId("a")
            .executor(manual)
            .defaultTaskTimeout(Duration.ofHours(2))
            .heartbeatInterval(Duration.ofSeconds(30))
            .deadClaimTimeout(Duration.ofMinutes(2))
            .build();
    Scheduler b = builder(ctx -> {}).workerId("b").deadClaimTimeout(Duration.ofMinutes(2)).build();
    AutomationTask t = a.submit(TaskRequest.builder().type("sync").owner("o").build());
    a.tick();
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofSeconds(30));
      a.tick();
      b.tick();
    }
    assertThat(reload(t).pickedBy()).isEqualTo("a");
    assertThat(reload(t).heartbeatAt()).isEqualTo(clock.instant());
    manual.runAll();
    assertThat(reload(t).status()).isEqualTo(TaskStatus.COMPLETED);
  }

  // ---------------------------------------------------------------- shutdown

  @Test
  void shutdownReleasesTasksThatDoNotFinishInTheGracePeriod() {
    ManualExecutor neverRuns = new ManualExecutor();
    Scheduler s = builder(ctx -> {}).executor(neverRuns).build();
    AutomationTask t = s.submit(TaskRequest.builder().type("sync").owner("o").instanceKey("k").build());
    s.tick();
    s.shutdown(Duration.ZERO);
    AutomationTask released = reload(t);
    assertThat(released.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(released.pickedBy()).isNull();
    assertThat(released.retryCount()).isZero();
    assertThat(events.count("released k")).isEqualTo(1);
    assertThat(s.tick()).isZero();
  }

  @Test
  void shutdownLetsRunningTasksFinishWithinTheGracePeriod() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Scheduler s =
          builder(
                  ctx -> {
                    started.countDown();
                    proceed.await(30, TimeUnit.SECONDS);
                  })
              .executor(pool)
              .build();
      AutomationTask t = s.submit(TaskRequest.builder().type("sync").owner("o").build());
      s.tick();
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      proceed.countDown();
      s.shutdown(Duration.ofSeconds(30));
      assertThat(reload(t).status()).isEqualTo(TaskStatus.COMPLETED);
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- schedules

  @Test
  void schedulesOfUnknownTypesAreRefusedAndNothingIsStored() {
    Scheduler s = builder(ctx -> {}).build();
    assertThatThrownBy(
            () ->
                s.schedule(
                    ScheduleRequest.builder()
                        .id("x")
                        .owner("o")
                        .taskType("inventory_sync")
                        .recurrence(Recurrence.daily(LocalTime.NOON, UTC))
                        .build()))
        .isInstanceOf(UnknownTaskTypeException.class)
        .hasMessageContaining("inventory_sync");
    assertThat(store.findSchedule("x")).isEmpty();
    assertThatThrownBy(() -> s.submit(TaskRequest.builder().type("nope").owner("o").build()))
        .isInstanceOf(UnknownTaskTypeException.class);
    assertThat(store.tasksByOwner("o")).isEmpty();
  }

  @Test
  void submitIsIdempotentPerKey() {
    Scheduler s = builder(ctx -> {}).build();
    TaskRequest req =
        TaskRequest.builder().type("sync").owner("o").instanceKey("order-1").payload(Map.of("a", "1")).build();
    AutomationTask first = s.submit(req);
    AutomationTask second = s.submit(req);
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(store.tasksByOwner("o")).hasSize(1);
    assertThatThrownBy(
            () ->
                s.submit(
                    TaskRequest.builder()
                        .type("sync")
                        .owner("o")
                        .instanceKey("order-1")
                        .payload(Map.of("a", "2"))
                        .build()))
        .isInstanceOf(DuplicateTaskKeyException.class);
  }

  private Schedule dailyAtTen(Scheduler s, MisfirePolicy policy) {
    return s.schedule(
        ScheduleRequest.builder()
            .id("daily")
            .owner("o")
            .taskType("sync")
            .recurrence(Recurrence.daily(LocalTime.of(10, 0), UTC))
            .misfirePolicy(policy)
            .build());
  }

  private List<Instant> taskTimes() {
    return store.tasksByOwner("o").stream()
        .map(AutomationTask::scheduledAt)
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void onTimeFireCreatesOneTaskAtTheFireTime() {
    Scheduler s = builder(ctx -> {}).build();
    Schedule d = dailyAtTen(s, MisfirePolicy.fireOnceNow());
    assertThat(d.nextRunAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    clock.set(Instant.parse("2026-03-01T10:00:30Z"));
    s.tick();
    s.tick();
    assertThat(taskTimes()).containsExactly(Instant.parse("2026-03-01T10:00:00Z"));
    Schedule after = store.findSchedule("daily").orElseThrow();
    assertThat(after.nextRunAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(after.successCount()).isEqualTo(1);
    assertThat(after.lastRunAt()).isEqualTo(clock.instant());
    assertThat(events.count("misfired")).isZero();
  }

  @Test
  void misfireFireOnceNowRunsOnceForAllMissedTimes() {
    Scheduler s = builder(ctx -> {}).build();
    dailyAtTen(s, MisfirePolicy.fireOnceNow());
    clock.set(Instant.parse("2026-03-04T12:00:00Z"));
    s.tick();
    assertThat(taskTimes()).containsExactly(Instant.parse("2026-03-04T12:00:00Z"));
    assertThat(store.findSchedule("daily").orElseThrow().nextRunAt())
        .isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
    assertThat(events.log).contains("misfired daily 4 FIRE_ONCE_NOW");
  }

  @Test
  void misfireFireOnceNowCollapsesFrequentScheduleToOneRun() {
    Scheduler s = builder(ctx -> {}).build();
    s.schedule(
        ScheduleRequest.builder()
            .id("often")
            .owner("o")
            .taskType("sync")
            .recurrence(Recurrence.every(Duration.ofSeconds(10)))
            .build());
    clock.advance(Duration.ofMinutes(5));
    s.tick();
    assertThat(taskTimes()).containsExactly(clock.instant());
    assertThat(store.findSchedule("often").orElseThrow().nextRunAt())
        .isEqualTo(clock.instant().plusSeconds(10));
    assertThat(events.log).contains("misfired often 23 FIRE_ONCE_NOW");
  }

  @Test
  void misfireSkipToNextRunsNothing() {
    Scheduler s = builder(ctx -> {}).build();
    dailyAtTen(s, MisfirePolicy.skipToNext());
    clock.set(Instant.parse("2026-03-04T12:00:00Z"));
    s.tick();
    assertThat(taskTimes()).isEmpty();
    assertThat(store.findSchedule("daily").orElseThrow().nextRunAt())
        .isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
    assertThat(events.log).contains("misfired daily 4 SKIP_TO_NEXT");
  }

  @Test
  void misfireCatchUpRunsTheMostRecentMissedTimesUpToTheLimit() {
    Scheduler s = builder(ctx -> {}).workerCount(4).build();
    dailyAtTen(s, MisfirePolicy.catchUp(2));
    clock.set(Instant.parse("2026-03-04T12:00:00Z"));
    s.tick();
    assertThat(taskTimes())
        .containsExactly(
            Instant.parse("2026-03-03T10:00:00Z"), Instant.parse("2026-03-04T10:00:00Z"));
    assertThat(store.tasksByOwner("o")).allMatch(t -> t.status() == TaskStatus.COMPLETED);
  }

  @Test
  void overlapSkipDoesNotStackRunsWhileOneIsUnfinished() {
    ManualExecutor manual = new ManualExecutor();
    Scheduler s = builder(ctx -> {}).executor(manual).defaultTaskTimeout(Duration.ofHours(1)).build();
    s.schedule(
        ScheduleRequest.builder()
            .id("skip")
            .owner("o")
            .taskType("sync")
            .recurrence(Recurrence.every(Duration.ofMinutes(1)))
            .overlapPolicy(OverlapPolicy.SKIP)
            .build());
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(1));
      s.tick();
    }
    assertThat(store.tasksByOwner("o")).hasSize(1);
    manual.runAll();
    clock.advance(Duration.ofMinutes(1));
    s.tick();
    assertThat(store.tasksByOwner("o")).hasSize(2);
  }

  @Test
  void overlapBufferOneKeepsOneRunWaiting() {
    ManualExecutor manual = new ManualExecutor();
    Scheduler s = builder(ctx -> {}).executor(manual).defaultTaskTimeout(Duration.ofHours(1)).build();
    s.schedule(
        ScheduleRequest.builder()
            .id("buffer")
            .owner("o")
            .taskType("sync")
            .recurrence(Recurrence.every(Duration.ofMinutes(1)))
            .overlapPolicy(OverlapPolicy.BUFFER_ONE)
            .build());
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(1));
      s.tick();
    }
    assertThat(store.tasksByOwner("o")).hasSize(2);
  }

  @Test
  void pauseResumeAndRunNow() {
    AtomicInteger runs = new AtomicInteger();
    Scheduler s = builder(ctx -> runs.incrementAndGet()).build();
    dailyAtTen(s, MisfirePolicy.fireOnceNow());
    s.pause("daily");
    clock.set(Instant.parse("2026-03-03T12:00:00Z"));
    s.tick();
    assertThat(runs.get()).isZero();
    s.runNow("daily");
    s.tick();
    assertThat(runs.get()).isEqualTo(1);
    Schedule resumed = s.resume("daily");
    assertThat(resumed.active()).isTrue();
    assertThat(resumed.nextRunAt()).isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));
    clock.set(Instant.parse("2026-03-04T10:00:00Z"));
    s.tick();
    assertThat(runs.get()).isEqualTo(2);
    assertThat(events.count("misfired")).isZero();
    assertThatThrownBy(() -> s.pause("missing")).isInstanceOf(NoSuchScheduleException.class);
  }

  @Test
  void failedScheduledRunsCountAgainstTheSchedulesSuccessRate() {
    AtomicInteger n = new AtomicInteger();
    Scheduler s =
        builder(
                ctx -> {
                  if (n.incrementAndGet() % 2 == 0) {
                    throw new NonRetryableTaskException("bad");
                  }
                })
            .build();
    s.schedule(
        ScheduleRequest.builder()
            .id("every")
            .owner("o")
            .taskType("sync")
            .recurrence(Recurrence.every(Duration.ofMinutes(10)))
            .build());
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofMinutes(10));
      s.tick();
    }
    Schedule sched = store.findSchedule("every").orElseThrow();
    assertThat(sched.successCount()).isEqualTo(2);
    assertThat(sched.failureCount()).isEqualTo(2);
    assertThat(sched.successRate()).isEqualTo(0.5);
  }

  @Test
  void dailyJobRunsOnceOnSpringForwardAndFallBackDays() {
    List<Instant> fires = new ArrayList<>();
    Scheduler s = builder(ctx -> fires.add(ctx.task().scheduledAt())).build();
    ZoneId ny = ZoneId.of("America/New_York");
    clock.set(Instant.parse("2024-03-09T00:00:00Z"));
    s.schedule(
        ScheduleRequest.builder()
            .owner("o")
            .taskType("sync")
            .recurrence(Recurrence.daily(LocalTime.of(2, 30), ny))
            .build());
    s.schedule(
        ScheduleRequest.builder()
            .owner("o")
            .taskType("sync")
            .recurrence(Recurrence.daily(LocalTime.of(1, 30), ny))
            .active(false)
            .id("fall")
            .build());
    while (clock.instant().isBefore(Instant.parse("2024-03-12T00:00:00Z"))) {
      clock.advance(Duration.ofMinutes(5));
      s.tick();
    }
    assertThat(fires)
        .containsExactly(
            OffsetDateTime.parse("2024-03-09T02:30-05:00").toInstant(),
            OffsetDateTime.parse("2024-03-10T03:00-04:00").toInstant(),
            OffsetDateTime.parse("2024-03-11T02:30-04:00").toInstant());
    fires.clear();
    clock.set(Instant.parse("2024-11-02T00:00:00Z"));
    s.resume("fall");
    while (clock.instant().isBefore(Instant.parse("2024-11-05T00:00:00Z"))) {
      clock.advance(Duration.ofMinutes(5));
      s.tick();
    }
    assertThat(fires.stream().filter(f -> f.atZone(ny).getMinute() == 30 && f.atZone(ny).getHour() == 1))
        .containsExactly(
            OffsetDateTime.parse("2024-11-02T01:30-04:00").toInstant(),
            OffsetDateTime.parse("2024-11-03T01:30-04:00").toInstant(),
            OffsetDateTime.parse("2024-11-04T01:30-05:00").toInstant());
  }

  @Test
  void severalSchedulersCreateEachFireOnce() {
    List<Scheduler> schedulers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      schedulers.add(builder(ctx -> {}).workerId("w" + i).workerCount(2).build());
    }
    schedulers.get(0).schedule(
        ScheduleRequest.builder()
            .id("cron")
            .owner("o")
            .taskType("sync")
            .recurrence(Recurrence.cron("*/7 * * * *", UTC))
            .build());
    for (int step = 0; step < 24 * 60; step++) {
      clock.advance(Duration.ofMinutes(1));
      for (Scheduler s : schedulers) {
        s.tick();
      }
    }
    // 00:00..23:59 has 9 fires per hour (0,7,...,56) -> 216, plus 2026-03-02T00:00, minus 00:00 itself
    List<AutomationTask> tasks = store.tasksByOwner("o");
    assertThat(tasks).hasSize(24 * 9);
    assertThat(tasks.stream().map(AutomationTask::instanceKey).distinct()).hasSize(tasks.size());
    assertThat(tasks).allMatch(t -> t.status() == TaskStatus.COMPLETED);
  }

  @Test
  void metricsReportQueueDepthAndListenerSeesClaims() {
    ManualExecutor manual = new ManualExecutor();
    Scheduler s = builder(ctx -> {}).executor(manual).workerCount(2).build();
    for (int i = 0; i < 5; i++) {
      s.submit(TaskRequest.builder().type("sync").owner("o").instanceKey("k" + i).build());
    }
    assertThat(s.metrics().queueDepth()).isEqualTo(5);
    s.tick();
    assertThat(s.metrics().queueDepth()).isEqualTo(3);
    assertThat(s.metrics().running()).isEqualTo(2);
    assertThat(events.count("claimed")).isEqualTo(2);
    manual.runAll();
    assertThat(s.metrics().running()).isZero();
    assertThat(s.metrics().byType().get("sync")).isNotNull();
    assertThat(s.metrics().byType().get("sync").succeeded()).isEqualTo(2);
  }
}

package dev.dropsync.scheduler.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.DuplicateTaskKeyException;
import dev.dropsync.scheduler.MisfirePolicy;
import dev.dropsync.scheduler.OverlapPolicy;
import dev.dropsync.scheduler.Recurrence;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.TaskPriority;
import dev.dropsync.scheduler.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TaskStore} must pass. A store implementation's test extends this class
 * and implements {@link #newStore()} (returning an empty store each time); the test-jar of {@code
 * dropsync-scheduler-core} publishes it.
 */
public abstract class AbstractTaskStoreContractTest {

  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private TaskStore store;
  private final AtomicInteger ids = new AtomicInteger();

  /** Returns a new, empty store. */
  protected abstract TaskStore newStore();

  @BeforeEach
  void freshStore() {
    store = newStore();
  }

  protected AutomationTask task(String type, String owner, TaskPriority priority, Instant dueAt) {
    int n = ids.incrementAndGet();
    return AutomationTask.pending(
        "t" + n, type, "k" + n, owner, priority, Map.of("n", Integer.toString(n)), 3, T0, dueAt,
        null, null);
  }

  protected AutomationTask task(String owner, Instant dueAt) {
    return task("sync", owner, TaskPriority.MEDIUM, dueAt);
  }

  protected Schedule schedule(String id, String owner, @Nullable Instant nextRunAt) {
    return new Schedule(
        id, owner, "sync", Recurrence.every(Duration.ofMinutes(5)), Map.of(), TaskPriority.MEDIUM,
        3, null, MisfirePolicy.fireOnceNow(), OverlapPolicy.ALLOW, true, T0, null, nextRunAt, 0, 0);
  }

  private List<String> ids(List<AutomationTask> tasks) {
    return tasks.stream().map(AutomationTask::id).collect(Collectors.toList());
  }

  // ---------------------------------------------------------------- idempotent insert

  @Test
  void secondInsertWithSameKeyAndPayloadIsNoOp() {
    AutomationTask t = task("a", T0);
    assertThat(store.insertIfAbsent(t)).isEqualTo(InsertResult.INSERTED);
    AutomationTask again =
        AutomationTask.pending(
            "other-id", t.type(), t.instanceKey(), "a", TaskPriority.HIGH, t.payload(), 0, T0,
            T0, null, null);
    assertThat(store.insertIfAbsent(again)).isEqualTo(InsertResult.ALREADY_EXISTS);
    assertThat(store.findTask("other-id")).isEmpty();
    assertThat(store.findTask(t.type(), t.instanceKey())).contains(t);
  }

  @Test
  void sameKeyWithDifferentPayloadIsRefused() {
    AutomationTask t = task("a", T0);
    store.insertIfAbsent(t);
    AutomationTask conflicting =
        AutomationTask.pending(
            "other-id", t.type(), t.instanceKey(), "a", TaskPriority.MEDIUM, Map.of("n", "x"), 3,
            T0, T0, null, null);
    assertThatThrownBy(() -> store.insertIfAbsent(conflicting))
        .isInstanceOf(DuplicateTaskKeyException.class)
        .hasMessageContaining(t.instanceKey());
    assertThat(store.findTask(t.id())).contains(t);
  }

  @Test
  void sameKeyUnderAnotherTypeIsIndependent() {
    AutomationTask t = task("a", T0);
    store.insertIfAbsent(t);
    AutomationTask otherType =
        AutomationTask.pending(
            "other-id", "other", t.instanceKey(), "a", TaskPriority.MEDIUM, Map.of("n", "x"), 3,
            T0, T0, null, null);
    assertThat(store.insertIfAbsent(otherType)).isEqualTo(InsertResult.INSERTED);
  }

  // ---------------------------------------------------------------- claiming

  @Test
  void claimsHighestPriorityFirstThenOldest() {
    AutomationTask lowOld = task("sync", "a", TaskPriority.LOW, T0.minusSeconds(100));
    AutomationTask highNew = task("sync", "a", TaskPriority.HIGH, T0.minusSeconds(1));
    AutomationTask highOld = task("sync", "a", TaskPriority.HIGH, T0.minusSeconds(50));
    AutomationTask critical = task("sync", "a", TaskPriority.CRITICAL, T0);
    AutomationTask medium = task("sync", "a", TaskPriority.MEDIUM, T0.minusSeconds(10));
    for (AutomationTask t : List.of(lowOld, highNew, highOld, critical, medium)) {
      store.insertIfAbsent(t);
    }
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      List<AutomationTask> claimed = store.claimDue(T0, 1, "w", ClaimFilter.any());
      assertThat(claimed).hasSize(1);
      order.add(claimed.get(0).id());
      store.complete(claimed.get(0).id(), "w", claimed.get(0).version(), T0);
    }
    assertThat(order)
        .containsExactly(critical.id(), highOld.id(), highNew.id(), medium.id(), lowOld.id());
  }

  @Test
  void claimMarksTaskRunningForTheWorkerAndBumpsVersion() {
    AutomationTask t = task("a", T0);
    store.insertIfAbsent(t);
    List<AutomationTask> claimed = store.claimDue(T0.plusSeconds(5), 10, "worker-1", ClaimFilter.any());
    assertThat(claimed).hasSize(1);
    AutomationTask c = claimed.get(0);
    assertThat(c.status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(c.pickedBy()).isEqualTo("worker-1");
    assertThat(c.heartbeatAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(c.startedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(c.version()).isGreaterThan(t.version());
    assertThat(store.findTask(t.id())).contains(c);
    assertThat(store.claimDue(T0.plusSeconds(5), 10, "worker-2", ClaimFilter.any())).isEmpty();
  }

  @Test
  void futureTasksAreNotClaimed() {
    store.insertIfAbsent(task("a", T0.plusSeconds(60)));
    assertThat(store.claimDue(T0, 10, "w", ClaimFilter.any())).isEmpty();
    assertThat(store.countDue(T0)).isZero();
    assertThat(store.claimDue(T0.plusSeconds(60), 10, "w", ClaimFilter.any())).hasSize(1);
  }

  @Test
  void claimOnlyTakesTypesTheWorkerRuns() {
    store.insertIfAbsent(task("email", "a", TaskPriority.CRITICAL, T0));
    AutomationTask sync = task("sync", "a", TaskPriority.LOW, T0);
    store.insertIfAbsent(sync);
    List<AutomationTask> claimed =
        store.claimDue(T0, 10, "w", new ClaimFilter(Set.of("sync"), Map.of()));
    assertThat(ids(claimed)).containsExactly(sync.id());
  }

  @Test
  void perTypeLimitHoldsAcrossWorkers() {
    for (int i = 0; i < 5; i++) {
      store.insertIfAbsent(task("a", T0));
    }
    ClaimFilter limit2 = new ClaimFilter(Set.of(), Map.of("sync", 2));
    assertThat(store.claimDue(T0, 1, "w1", limit2)).hasSize(1);
    List<AutomationTask> second = store.claimDue(T0, 5, "w2", limit2);
    assertThat(second).hasSize(1);
    assertThat(store.claimDue(T0, 5, "w3", limit2)).isEmpty();
    store.complete(second.get(0).id(), "w2", second.get(0).version(), T0);
    assertThat(store.claimDue(T0, 5, "w3", limit2)).hasSize(1);
  }

  @Test
  void floodingOwnerDoesNotStarveAnotherWithinAPriority() {
    for (int i = 0; i < 20; i++) {
      store.insertIfAbsent(task("flood", T0.minusSeconds(1000 - i)));
    }
    AutomationTask quiet = task("quiet", T0);
    store.insertIfAbsent(quiet);
    List<AutomationTask> batch = store.claimDue(T0, 2, "w", ClaimFilter.any());
    assertThat(batch).extracting(AutomationTask::owner).containsExactlyInAnyOrder("flood", "quiet");
  }

  @Test
  void ownerWithFewerRunningTasksGoesFirst() {
    AutomationTask a1 = task("a", T0.minusSeconds(30));
    AutomationTask a2 = task("a", T0.minusSeconds(20));
    AutomationTask b1 = task("b", T0.minusSeconds(10));
    store.insertIfAbsent(a1);
    store.insertIfAbsent(a2);
    store.insertIfAbsent(b1);
    assertThat(ids(store.claimDue(T0, 1, "w", ClaimFilter.any()))).containsExactly(a1.id());
    // a has one running now, b none: b's newer task goes before a's older one
    assertThat(ids(store.claimDue(T0, 1, "w", ClaimFilter.any()))).containsExactly(b1.id());
    assertThat(ids(store.claimDue(T0, 1, "w", ClaimFilter.any()))).containsExactly(a2.id());
  }

  @Test
  void equallyLoadedOwnersAreServedRoundRobin() {
    AutomationTask a1 = task("a", T0.minusSeconds(60));
    AutomationTask a2 = task("a", T0.minusSeconds(59));
    AutomationTask a3 = task("a", T0.minusSeconds(58));
    AutomationTask b1 = task("b", T0.minusSeconds(10));
    AutomationTask c1 = task("c", T0.minusSeconds(5));
    for (AutomationTask t : List.of(a1, a2, a3, b1, c1)) {
      store.insertIfAbsent(t);
    }
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      AutomationTask c = store.claimDue(T0, 1, "w", ClaimFilter.any()).get(0);
      order.add(c.id());
      store.complete(c.id(), "w", c.version(), T0);
    }
    assertThat(order).containsExactly(a1.id(), b1.id(), c1.id(), a2.id(), a3.id());
  }

  @Test
  void agingRaisesLongWaitingTasksOneLevelPerStep() {
    ClaimFilter aging = new ClaimFilter(Set.of(), Map.of(), Duration.ofMinutes(10));
    AutomationTask lowOld = task("sync", "a", TaskPriority.LOW, T0.minus(Duration.ofMinutes(30)));
    AutomationTask criticalNew = task("sync", "b", TaskPriority.CRITICAL, T0);
    AutomationTask lowOneStep = task("sync", "c", TaskPriority.LOW, T0.minus(Duration.ofMinutes(10)));
    AutomationTask high = task("sync", "d", TaskPriority.HIGH, T0);
    for (AutomationTask t : List.of(lowOld, criticalNew, lowOneStep, high)) {
      store.insertIfAbsent(t);
    }
    // lowOld has aged to CRITICAL and is older than criticalNew; lowOneStep is only MEDIUM now
    List<AutomationTask> batch = store.claimDue(T0, 4, "w", aging);
    assertThat(ids(batch)).containsExactly(lowOld.id(), criticalNew.id(), high.id(), lowOneStep.id());
    assertThat(aging.effectiveWeight(TaskPriority.LOW, T0, T0.plus(Duration.ofMinutes(19))))
        .isEqualTo(TaskPriority.MEDIUM.weight());
    assertThat(aging.effectiveWeight(TaskPriority.HIGH, T0, T0.plus(Duration.ofHours(5))))
        .isEqualTo(TaskPriority.CRITICAL.weight());
  }

  @Test
  void withoutAgingPriorityIsStrict() {
    AutomationTask lowOld = task("sync", "a", TaskPriority.LOW, T0.minus(Duration.ofDays(3)));
    AutomationTask medium = task("sync", "b", TaskPriority.MEDIUM, T0);
    store.insertIfAbsent(lowOld);
    store.insertIfAbsent(medium);
    assertThat(ids(store.claimDue(T0, 2, "w", ClaimFilter.any())))
        .containsExactly(medium.id(), lowOld.id());
  }

  @Test
  void priorityStillBeatsFairness() {
    for (int i = 0; i < 3; i++) {
      store.insertIfAbsent(task("sync", "a", TaskPriority.HIGH, T0));
    }
    store.insertIfAbsent(task("sync", "b", TaskPriority.LOW, T0.minusSeconds(100)));
    List<AutomationTask> batch = store.claimDue(T0, 3, "w", ClaimFilter.any());
    assertThat(batch).extracting(AutomationTask::owner).containsOnly("a");
  }

  // ---------------------------------------------------------------- version-checked writes

  @Test
  void completeFinishesTheClaim() {
    store.insertIfAbsent(task("a", T0));
    AutomationTask c = store.claimDue(T0, 1, "w", ClaimFilter.any()).get(0);
    assertThat(store.complete(c.id(), "w", c.version(), T0.plusSeconds(3))).isTrue();
    AutomationTask done = store.findTask(c.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(done.pickedBy()).isNull();
    assertThat(store.complete(c.id(), "w", c.version(), T0)).isFalse();
  }

  @Test
  void writesWithWrongWorkerOrVersionAreRefused() {
    store.insertIfAbsent(task("a", T0));
    AutomationTask c = store.claimDue(T0, 1, "w", ClaimFilter.any()).get(0);
    assertThat(store.complete(c.id(), "intruder", c.version(), T0)).isFalse();
    assertThat(store.complete(c.id(), "w", c.version() - 1, T0)).isFalse();
    assertThat(store.fail(c.id(), "w", c.version() + 1, T0, "x")).isFalse();
    assertThat(store.heartbeat(c.id(), "intruder", c.version(), T0)).isFalse();
    assertThat(store.reschedule(c.id(), "intruder", c.version(), T0, 1, "x")).isFalse();
    assertThat(store.findTask(c.id()).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
  }

  @Test
  void failKeepsTheError() {
    store.insertIfAbsent(task("a", T0));
    AutomationTask c = store.claimDue(T0, 1, "w", ClaimFilter.any()).get(0);
    assertThat(store.fail(c.id(), "w", c.version(), T0.plusSeconds(1), "boom")).isTrue();
    AutomationTask failed = store.findTask(c.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.lastError()).isEqualTo("boom");
    assertThat(failed.finishedAt()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void rescheduleReturnsTaskToPendingWithRetryCount() {
    store.insertIfAbsent(task("a", T0));
    AutomationTask c = store.claimDue(T0, 1, "w", ClaimFilter.any()).get(0);
    assertThat(store.reschedule(c.id(), "w", c.version(), T0.plusSeconds(30), 1, "flaky"))
        .isTrue();
    AutomationTask p = store.findTask(c.id()).orElseThrow();
    assertThat(p.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(p.retryCount()).isEqualTo(1);
    assertThat(p.lastError()).isEqualTo("flaky");
    assertThat(p.scheduledAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(p.pickedBy()).isNull();
    assertThat(store.claimDue(T0.plusSeconds(29), 1, "w", ClaimFilter.any())).isEmpty();
    assertThat(store.claimDue(T0.plusSeconds(30), 1, "w", ClaimFilter.any())).hasSize(1);
  }

  @Test
  void deadClaimIsRecoveredAndStaleWorkerCannotOverwrite() {
    store.insertIfAbsent(task("a", T0));
    AutomationTask c = store.claimDue(T0, 1, "crashed", ClaimFilter.any()).get(0);
    Duration timeout = Duration.ofMinutes(5);
    assertThat(store.recoverDead(T0.plus(timeout), timeout)).isEmpty();
    assertThat(store.heartbeat(c.id(), "crashed", c.version(), T0.plusSeconds(60))).isTrue();
    assertThat(store.recoverDead(T0.plusSeconds(60).plus(timeout), timeout)).isEmpty();
    List<AutomationTask> recovered =
        store.recoverDead(T0.plusSeconds(61).plus(timeout), timeout);
    assertThat(ids(recovered)).containsExactly(c.id());
    assertThat(recovered.get(0).status()).isEqualTo(TaskStatus.PENDING);
    AutomationTask again =
        store.claimDue(T0.plusSeconds(400), 1, "rescuer", ClaimFilter.any()).get(0);
    assertThat(again.id()).isEqualTo(c.id());
    assertThat(store.complete(c.id(), "crashed", c.version(), T0.plusSeconds(401))).isFalse();
    assertThat(store.complete(again.id(), "rescuer", again.version(), T0.plusSeconds(401)))
        .isTrue();
  }

  @Test
  void cancelOnlyAffectsPendingTasks() {
    AutomationTask t = task("a", T0);
    AutomationTask running = task("a", T0);
    store.insertIfAbsent(t);
    store.insertIfAbsent(running);
    store.cancel(t.id(), T0);
    AutomationTask c = store.claimDue(T0, 5, "w", ClaimFilter.any()).get(0);
    assertThat(c.id()).isEqualTo(running.id());
    assertThat(store.findTask(t.id()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(store.cancel(running.id(), T0)).isFalse();
    assertThat(store.cancel("missing", T0)).isFalse();
  }

  @Test
  void queriesByOwnerAndQueueDepth() {
    store.insertIfAbsent(task("a", T0));
    store.insertIfAbsent(task("a", T0.plusSeconds(10)));
    store.insertIfAbsent(task("b", T0));
    assertThat(store.tasksByOwner("a")).hasSize(2).allMatch(t -> t.owner().equals("a"));
    assertThat(store.countDue(T0)).isEqualTo(2);
    assertThat(store.countDue(T0.plusSeconds(10))).isEqualTo(3);
  }

  // ---------------------------------------------------------------- schedules

  @Test
  void schedulePersistenceAndDueListing() {
    assertThat(store.insertSchedule(schedule("s2", "a", T0.plusSeconds(5)))).isTrue();
    assertThat(store.insertSchedule(schedule("s1", "a", T0))).isTrue();
    assertThat(store.insertSchedule(schedule("s3", "b", T0.plusSeconds(60)))).isTrue();
    assertThat(store.insertSchedule(schedule("s1", "a", T0))).isFalse();
    assertThat(store.dueSchedules(T0.plusSeconds(5), 10))
        .extracting(Schedule::id)
        .containsExactly("s1", "s2");
    assertThat(store.dueSchedules(T0.plusSeconds(5), 1)).extracting(Schedule::id).containsExactly("s1");
    assertThat(store.schedulesByOwner("a")).extracting(Schedule::id).containsExactlyInAnyOrder("s1", "s2");
    assertThat(store.updateScheduleState("s1", false, null)).isTrue();
    assertThat(store.dueSchedules(T0.plusSeconds(5), 10)).extracting(Schedule::id).containsExactly("s2");
    assertThat(store.deleteSchedule("s2")).isTrue();
    assertThat(store.findSchedule("s2")).isEmpty();
    assertThat(store.updateScheduleState("missing", true, T0)).isFalse();
  }

  @Test
  void advanceScheduleIsCompareAndSetAndInsertsTasks() {
    store.insertSchedule(schedule("s", "a", T0));
    AutomationTask fire = task("a", T0);
    assertThat(store.advanceSchedule("s", T0, T0.plusSeconds(300), List.of(fire))).isTrue();
    assertThat(store.findTask(fire.id())).isPresent();
    assertThat(store.findSchedule("s").orElseThrow().nextRunAt()).isEqualTo(T0.plusSeconds(300));
    AutomationTask dup = task("a", T0);
    assertThat(store.advanceSchedule("s", T0, T0.plusSeconds(300), List.of(dup))).isFalse();
    assertThat(store.findTask(dup.id())).isEmpty();
  }

  @Test
  void advanceWithConflictingTaskKeyChangesNothing() {
    store.insertSchedule(schedule("s", "a", T0));
    AutomationTask existing = task("a", T0);
    store.insertIfAbsent(existing);
    AutomationTask conflict =
        AutomationTask.pending(
            "new", existing.type(), existing.instanceKey(), "a", TaskPriority.MEDIUM,
            Map.of("other", "payload"), 0, T0, T0, "s", null);
    assertThatThrownBy(() -> store.advanceSchedule("s", T0, T0.plusSeconds(300), List.of(conflict)))
        .isInstanceOf(DuplicateTaskKeyException.class);
    assertThat(store.findSchedule("s").orElseThrow().nextRunAt()).isEqualTo(T0);
  }

  @Test
  void unfinishedTasksOfAScheduleAreCounted() {
    store.insertSchedule(schedule("s", "a", T0));
    AutomationTask first =
        AutomationTask.pending("f1", "sync", "s@1", "a", TaskPriority.MEDIUM, Map.of(), 0, T0, T0, "s", null);
    AutomationTask second =
        AutomationTask.pending("f2", "sync", "s@2", "a", TaskPriority.MEDIUM, Map.of(), 0, T0, T0, "s", null);
    store.insertIfAbsent(first);
    store.insertIfAbsent(second);
    store.insertIfAbsent(task("a", T0));
    assertThat(store.countUnfinishedTasks("s")).isEqualTo(2);
    List<AutomationTask> claimed = store.claimDue(T0, 1, "w", ClaimFilter.any());
    assertThat(store.countUnfinishedTasks("s")).isEqualTo(2);
    store.complete(claimed.get(0).id(), "w", claimed.get(0).version(), T0);
    store.cancel("f2", T0);
    store.cancel("f1", T0);
    assertThat(store.countUnfinishedTasks("s")).isZero();
  }

  @Test
  void pausedScheduleIsNotAdvanced() {
    store.insertSchedule(schedule("s", "a", T0));
    store.updateScheduleState("s", false, T0);
    assertThat(store.advanceSchedule("s", T0, T0.plusSeconds(300), List.of())).isFalse();
  }

  @Test
  void scheduleOutcomesAreCounted() {
    store.insertSchedule(schedule("s", "a", T0));
    store.recordScheduleOutcome("s", true, T0.plusSeconds(1));
    store.recordScheduleOutcome("s", true, T0.plusSeconds(2));
    store.recordScheduleOutcome("s", false, T0.plusSeconds(3));
    Schedule s = store.findSchedule("s").orElseThrow();
    assertThat(s.successCount()).isEqualTo(2);
    assertThat(s.failureCount()).isEqualTo(1);
    assertThat(s.lastRunAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(s.successRate()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  void concurrentClaimsNeverHandOutATaskTwice() throws Exception {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    int taskCount = 2000;
    String[] owners = {"a", "b", "c", "d"};
    for (int i = 0; i < taskCount; i++) {
      store.insertIfAbsent(
          task("sync", owners[random.nextInt(owners.length)],
              TaskPriority.values()[random.nextInt(4)], T0.minusSeconds(random.nextInt(1000))));
    }
    int threads = 8;
    CyclicBarrier barrier = new CyclicBarrier(threads);
    Map<String, String> claimedBy = new ConcurrentHashMap<>();
    AtomicInteger duplicates = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        String worker = "w" + w;
        long threadSeed = random.nextLong();
        futures.add(
            pool.submit(
                () -> {
                  SplittableRandom r = new SplittableRandom(threadSeed);
                  barrier.await(30, TimeUnit.SECONDS);
                  while (true) {
                    List<AutomationTask> batch = store.claimDue(T0, 1 + r.nextInt(5), worker, ClaimFilter.any());
                    if (batch.isEmpty()) {
                      return null;
                    }
                    for (AutomationTask t : batch) {
                      if (claimedBy.putIfAbsent(t.id(), worker) != null) {
                        duplicates.incrementAndGet();
                      }
                      if (r.nextBoolean()) {
                        store.complete(t.id(), worker, t.version(), T0);
                      } else {
                        store.fail(t.id(), worker, t.version(), T0, "x");
                      }
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(duplicates.get()).as("seed " + seed).isZero();
    assertThat(claimedBy).as("seed " + seed).hasSize(taskCount);
    Set<TaskStatus> finalStates = new HashSet<>();
    for (String owner : owners) {
      store.tasksByOwner(owner).forEach(t -> finalStates.add(t.status()));
    }
    assertThat(finalStates).as("seed " + seed).doesNotContain(TaskStatus.PENDING, TaskStatus.RUNNING);
  }

  @Test
  void concurrentScheduleAdvancesSucceedOnce() throws Exception {
    store.insertSchedule(schedule("s", "a", T0));
    int threads = 8;
    CyclicBarrier barrier = new CyclicBarrier(threads);
    AtomicInteger wins = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int n = w;
        futures.add(
            pool.submit(
                () -> {
                  AutomationTask fire =
                      AutomationTask.pending(
                          "fire-" + n, "sync", "s@" + T0, "a", TaskPriority.MEDIUM, Map.of(), 0,
                          T0, T0, "s", null);
                  barrier.await(30, TimeUnit.SECONDS);
                  if (store.advanceSchedule("s", T0, T0.plusSeconds(300), List.of(fire))) {
                    wins.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wins.get()).isEqualTo(1);
    assertThat(store.tasksByOwner("a")).hasSize(1);
  }
}

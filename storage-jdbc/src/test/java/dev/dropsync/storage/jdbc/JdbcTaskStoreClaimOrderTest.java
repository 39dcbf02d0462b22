package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.InMemoryTaskStore;
import dev.dropsync.scheduler.TaskPriority;
import dev.dropsync.scheduler.TaskStatus;
import dev.dropsync.scheduler.spi.ClaimFilter;
import dev.dropsync.scheduler.spi.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcTaskStore}'s claim order against the reference {@link InMemoryTaskStore}: the same
 * random queue (owners, priorities, types, due times) and the same random sequence of claims,
 * completions, failures, retries and clock moves, with and without priority aging and per-type
 * limits. One-task claims must pick exactly the same task in both; batch claims must respect
 * priority (nothing claimed while a task of a higher effective priority stays due and allowed),
 * per-type limits, and stay within the batch. Seed in every failure message; rerun with {@code
 * -Dstorage.seed=}.
 */
class JdbcTaskStoreClaimOrderTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final String[] OWNERS = {"o1", "o2", "o3", "o4", "o5"};
  private static final String[] TYPES = {"sync", "email", "report"};

  @Test
  void singleClaimsPickExactlyWhatTheReferenceStorePicks() {
    long seed = Long.getLong("storage.seed", new SplittableRandom().nextLong());
    String ctx = "seed " + seed + " (rerun with -Dstorage.seed=" + seed + ")";
    SplittableRandom r = new SplittableRandom(seed);
    for (int round = 0; round < 3; round++) {
      TaskStore jdbc = new JdbcTaskStore(TestDatabase.get().fresh());
      TaskStore memory = new InMemoryTaskStore();
      fill(r, jdbc, memory, 120);
      Instant now = T0;
      List<AutomationTask> running = new ArrayList<>();
      for (int step = 0; step < 250; step++) {
        int op = r.nextInt(10);
        if (op < 6 || running.isEmpty()) {
          ClaimFilter filter = filter(r);
          String worker = "w" + r.nextInt(3);
          List<AutomationTask> a = jdbc.claimDue(now, 1, worker, filter);
          List<AutomationTask> b = memory.claimDue(now, 1, worker, filter);
          assertThat(ids(a)).as("%s, round %d, step %d, filter %s, at %s", ctx, round, step, filter, now)
              .isEqualTo(ids(b));
          assertThat(a).as(ctx).isEqualTo(b);
          running.addAll(a);
        } else if (op < 9) {
          AutomationTask t = running.remove(r.nextInt(running.size()));
          String worker = java.util.Objects.requireNonNull(t.pickedBy());
          int outcome = r.nextInt(3);
          boolean x;
          boolean y;
          if (outcome == 0) {
            x = jdbc.complete(t.id(), worker, t.version(), now);
            y = memory.complete(t.id(), worker, t.version(), now);
          } else if (outcome == 1) {
            x = jdbc.fail(t.id(), worker, t.version(), now, "boom");
            y = memory.fail(t.id(), worker, t.version(), now, "boom");
          } else {
            Instant due = now.plusSeconds(r.nextInt(120));
            x = jdbc.reschedule(t.id(), worker, t.version(), due, t.retryCount() + 1, "retry");
            y = memory.reschedule(t.id(), worker, t.version(), due, t.retryCount() + 1, "retry");
          }
          assertThat(x).as(ctx).isTrue().isEqualTo(y);
          assertThat(jdbc.findTask(t.id())).as(ctx).isEqualTo(memory.findTask(t.id()));
        } else {
          now = now.plusSeconds(r.nextInt(400));
        }
      }
      assertThat(jdbc.countDue(now)).as(ctx).isEqualTo(memory.countDue(now));
      for (String o : OWNERS) {
        assertThat(jdbc.tasksByOwner(o)).as(ctx).isEqualTo(memory.tasksByOwner(o));
      }
    }
  }

  @Test
  void batchClaimsRespectPriorityLimitsAndBatchSize() {
    long seed = Long.getLong("storage.seed", new SplittableRandom().nextLong());
    String ctx = "seed " + seed + " (rerun with -Dstorage.seed=" + seed + ")";
    SplittableRandom r = new SplittableRandom(seed);
    JdbcTaskStore jdbc = new JdbcTaskStore(TestDatabase.get().fresh());
    InMemoryTaskStore memory = new InMemoryTaskStore();
    fill(r, jdbc, memory, 400);
    Instant now = T0.plusSeconds(2_000);
    for (int step = 0; step < 40; step++) {
      ClaimFilter filter = filter(r);
      int limit = 1 + r.nextInt(40);
      List<AutomationTask> claimed = jdbc.claimDue(now, limit, "w", filter);
      assertThat(claimed).as(ctx).hasSizeLessThanOrEqualTo(limit)
          .allMatch(t -> t.status() == TaskStatus.RUNNING && "w".equals(t.pickedBy()));
      int lowest = claimed.stream().mapToInt(t -> weight(filter, t, now)).min().orElse(Integer.MAX_VALUE);
      // nothing still due and allowed outranks what was claimed
      Map<String, Integer> runningNow = new java.util.HashMap<>();
      for (String type : TYPES) {
        runningNow.put(type, running(jdbc, type));
      }
      for (String o : OWNERS) {
        for (AutomationTask t : jdbc.tasksByOwner(o)) {
          if (t.status() == TaskStatus.PENDING && !t.scheduledAt().isAfter(now)
              && filter.allows(t.type(), runningNow.getOrDefault(t.type(), 0))) {
            assertThat(weight(filter, t, now)).as("%s step %d: %s left behind", ctx, step, t.id())
                .isLessThanOrEqualTo(lowest);
          }
        }
      }
      for (Map.Entry<String, Integer> cap : filter.maxRunningPerType().entrySet()) {
        long ofType = claimed.stream().filter(t -> t.type().equals(cap.getKey())).count();
        long before = runningNow.getOrDefault(cap.getKey(), 0) - ofType;
        assertThat(ofType).as("%s step %d: %s claimed with %d running, limit %d", ctx, step, cap.getKey(), before,
            cap.getValue()).isLessThanOrEqualTo(Math.max(0, cap.getValue() - before));
      }
      for (AutomationTask t : claimed) {
        if (r.nextBoolean()) {
          jdbc.complete(t.id(), "w", t.version(), now);
        }
      }
    }
  }

  private static int running(JdbcTaskStore store, String type) {
    int n = 0;
    for (String o : OWNERS) {
      for (AutomationTask t : store.tasksByOwner(o)) {
        if (t.status() == TaskStatus.RUNNING && t.type().equals(type)) {
          n++;
        }
      }
    }
    return n;
  }

  private static int weight(ClaimFilter filter, AutomationTask t, Instant now) {
    return filter.effectiveWeight(t.priority(), t.scheduledAt(), now);
  }

  private static ClaimFilter filter(SplittableRandom r) {
    Duration aging = r.nextBoolean() ? Duration.ofMinutes(1 + r.nextInt(10)) : null;
    Set<String> types = r.nextInt(4) == 0 ? Set.of("sync", "email") : Set.of();
    Map<String, Integer> caps = r.nextInt(3) == 0 ? Map.of("sync", 1 + r.nextInt(3)) : Map.of();
    return new ClaimFilter(types, caps, aging);
  }

  private static void fill(SplittableRandom r, TaskStore a, TaskStore b, int n) {
    for (int i = 0; i < n; i++) {
      AutomationTask t = AutomationTask.pending(String.format("t%04d", i), TYPES[r.nextInt(TYPES.length)], "k" + i,
          OWNERS[r.nextInt(OWNERS.length)], TaskPriority.values()[r.nextInt(4)], Map.of("i", Integer.toString(i)), 3,
          T0, T0.plusSeconds(r.nextInt(1_500)), null, null);
      a.insertIfAbsent(t);
      b.insertIfAbsent(t);
    }
  }

  private static List<String> ids(List<AutomationTask> tasks) {
    return tasks.stream().map(AutomationTask::id).toList();
  }
}

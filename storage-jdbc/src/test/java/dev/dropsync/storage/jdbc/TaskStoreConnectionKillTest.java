package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.MisfirePolicy;
import dev.dropsync.scheduler.OverlapPolicy;
import dev.dropsync.scheduler.Recurrence;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.TaskPriority;
import dev.dropsync.scheduler.TaskStatus;
import dev.dropsync.scheduler.spi.ClaimFilter;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task store call whose connection is terminated ({@code pg_terminate_backend}) in the middle
 * of its transaction leaves nothing half-applied: a claim that already moved its tasks to RUNNING
 * but had not recorded the owner's turn, a completion, a schedule advance that already moved the
 * schedule but had not inserted its task. Retrying applies the call whole.
 */
class TaskStoreConnectionKillTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  private JdbcTaskStore store;

  @BeforeEach
  void emptyStore() {
    store = new JdbcTaskStore(TestDatabase.get().fresh());
  }

  private static AutomationTask task(String id, String owner) {
    return AutomationTask.pending(id, "sync", "key-" + id, owner, TaskPriority.MEDIUM, Map.of("id", id), 3, T0, T0,
        null, null);
  }

  @Test
  void claimKilledAfterMarkingTasksRunningLeavesThemPending() throws Exception {
    store.insertIfAbsent(task("t0", "shop-a"));
    AutomationTask first = store.claimDue(T0, 1, "w0", ClaimFilter.any()).get(0);
    store.complete(first.id(), "w0", first.version(), T0);
    for (int i = 1; i <= 3; i++) {
      store.insertIfAbsent(task("t" + i, "shop-a"));
    }
    String before = state();
    // the claim statement updates the tasks, then waits to record shop-a's turn (its fairness row)
    BackendKiller.killWhileWaiting("SELECT 1 FROM automation_task_owners WHERE tenant_id = 'shop-a' FOR UPDATE",
        () -> store.claimDue(T0, 3, "w1", ClaimFilter.any()));

    assertThat(state()).isEqualTo(before);
    assertThat(store.countDue(T0)).isEqualTo(3);

    List<AutomationTask> claimed = store.claimDue(T0, 3, "w1", ClaimFilter.any());
    assertThat(claimed).hasSize(3).allMatch(t -> t.status() == TaskStatus.RUNNING && "w1".equals(t.pickedBy()));
  }

  @Test
  void completeKilledLeavesTheClaimHeldSoTheWorkerCanCompleteAgain() throws Exception {
    store.insertIfAbsent(task("t1", "shop-a"));
    AutomationTask c = store.claimDue(T0, 1, "w", ClaimFilter.any()).get(0);
    String before = state();
    BackendKiller.killWhileWaiting("SELECT 1 FROM automation_tasks WHERE id = 't1' FOR UPDATE",
        () -> store.complete(c.id(), "w", c.version(), T0.plusSeconds(1)));

    assertThat(state()).isEqualTo(before);
    assertThat(store.findTask("t1").orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);

    assertThat(store.complete(c.id(), "w", c.version(), T0.plusSeconds(1))).isTrue();
    assertThat(store.findTask("t1").orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void scheduleAdvanceKilledBeforeItsTaskIsInsertedLeavesTheFireTimeToProcess() throws Exception {
    store.insertSchedule(new Schedule("s", "shop-a", "sync", Recurrence.every(Duration.ofMinutes(5)), Map.of(),
        TaskPriority.MEDIUM, 3, null, MisfirePolicy.fireOnceNow(), OverlapPolicy.ALLOW, true, T0, null, T0, 0, 0));
    AutomationTask fire = AutomationTask.pending("fire-1", "sync", "s@" + T0, "shop-a", TaskPriority.MEDIUM, Map.of(),
        3, T0, T0, "s", null);
    String before = state();
    // the advance moves nextRunAt, then blocks inserting the fire's task
    BackendKiller.killWhileWaiting("LOCK TABLE automation_tasks IN EXCLUSIVE MODE",
        () -> store.advanceSchedule("s", T0, T0.plusSeconds(300), List.of(fire)));

    assertThat(state()).isEqualTo(before);
    assertThat(store.findSchedule("s").orElseThrow().nextRunAt()).isEqualTo(T0);

    assertThat(store.advanceSchedule("s", T0, T0.plusSeconds(300), List.of(fire))).isTrue();
    assertThat(store.findTask("fire-1")).isPresent();
    assertThat(store.findSchedule("s").orElseThrow().nextRunAt()).isEqualTo(T0.plusSeconds(300));
  }

  /** Every scheduler row that a store call may touch, as text (read as the superuser). */
  private static String state() {
    return TestDatabase.get().dump(
        "SELECT id, status, picked_by, version, heartbeat_ns, finished_ns, claim_seq FROM automation_tasks ORDER BY 1",
        "SELECT tenant_id, last_claim_seq FROM automation_task_owners ORDER BY 1",
        "SELECT id, next_run_ns, success_count, failure_count FROM automation_schedules ORDER BY 1");
  }
}

package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.InvalidSchedulerArgumentException;
import dev.dropsync.scheduler.TaskPriority;
import dev.dropsync.scheduler.TaskStatus;
import dev.dropsync.scheduler.spi.ClaimFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link JdbcTaskStore} adds to the SPI contract: the database heartbeat clock, batch bounds, many owners. */
class JdbcTaskStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  private static AutomationTask task(String id, String owner) {
    return AutomationTask.pending(id, "sync", "key-" + id, owner, TaskPriority.MEDIUM, Map.of(), 3, T0, T0, null, null);
  }

  @Test
  void databaseHeartbeatClockIgnoresTheSchedulersClockForDeadClaims() {
    JdbcTaskStore store = JdbcTaskStore.builder(TestDatabase.get().fresh())
        .heartbeatClock(JdbcTaskStore.HeartbeatClock.DATABASE).build();
    assertThat(store.heartbeatClock()).isEqualTo(JdbcTaskStore.HeartbeatClock.DATABASE);
    store.insertIfAbsent(task("t1", "shop"));
    AutomationTask c = store.claimDue(T0, 1, "w", ClaimFilter.any()).get(0);
    // a node whose clock runs a day ahead cannot declare the live claim dead
    assertThat(store.recoverDead(T0.plus(Duration.ofDays(1)), Duration.ofMinutes(5))).isEmpty();
    assertThat(store.heartbeat(c.id(), "w", c.version(), T0)).isTrue();
    // by the database's clock, any claim is older than a zero timeout
    List<AutomationTask> recovered = store.recoverDead(T0, Duration.ZERO);
    assertThat(recovered).extracting(AutomationTask::id).containsExactly("t1");
    assertThat(recovered.get(0).lastError()).startsWith("claim by w expired");
    assertThat(store.findTask("t1").orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
  }

  @Test
  void theDefaultHeartbeatClockIsTheSchedulers() {
    assertThat(new JdbcTaskStore(TestDatabase.get().fresh()).heartbeatClock())
        .isEqualTo(JdbcTaskStore.HeartbeatClock.SCHEDULER);
  }

  @Test
  void aClaimServesManyOwnersOneTaskEachBeforeAnyOwnerGetsASecond() {
    JdbcTaskStore store = new JdbcTaskStore(TestDatabase.get().fresh());
    for (int o = 0; o < 120; o++) {
      for (int k = 0; k < 3; k++) {
        store.insertIfAbsent(task("t-" + o + "-" + k, String.format("shop-%03d", o)));
      }
    }
    // the first claim sizes the window for one owner; later claims see 120 owners and shrink it
    for (int round = 0; round < 3; round++) {
      List<AutomationTask> batch = store.claimDue(T0, 120, "w" + round, ClaimFilter.any());
      assertThat(batch).hasSize(120);
      Set<String> owners = new HashSet<>();
      batch.forEach(t -> owners.add(t.owner()));
      assertThat(owners).as("round " + round).hasSize(120);
    }
    assertThat(store.countDue(T0)).isZero();
  }

  @Test
  void aClaimTakesAtMostMaxBatch() {
    JdbcTaskStore store = new JdbcTaskStore(TestDatabase.get().fresh());
    store.insertIfAbsent(task("t1", "shop"));
    assertThat(store.claimDue(T0, Integer.MAX_VALUE, "w", ClaimFilter.any())).hasSize(1);
    assertThatThrownBy(() -> store.claimDue(T0, 0, "w", ClaimFilter.any()))
        .isInstanceOf(InvalidSchedulerArgumentException.class).hasMessageContaining("limit");
  }

  @Test
  void candidateWindowShrinksWithOwnersButNeverBelowEight() {
    assertThat(JdbcTaskStore.window(216, 1)).isEqualTo(216);
    assertThat(JdbcTaskStore.window(216, 4)).isEqualTo(108);
    assertThat(JdbcTaskStore.window(216, 1000)).isEqualTo(8);
    assertThat(JdbcTaskStore.window(18, 0)).isEqualTo(18);
  }

  @Test
  void insertRefusesAClaimedTaskAndATakenId() {
    JdbcTaskStore store = new JdbcTaskStore(TestDatabase.get().fresh());
    store.insertIfAbsent(task("t1", "shop"));
    AutomationTask running = task("t2", "shop").claimed("w", T0);
    assertThatThrownBy(() -> store.insertIfAbsent(running))
        .isInstanceOf(InvalidSchedulerArgumentException.class).hasMessageContaining("status");
    AutomationTask sameId = AutomationTask.pending("t1", "sync", "another-key", "shop", TaskPriority.MEDIUM, Map.of(),
        3, T0, T0, null, null);
    assertThatThrownBy(() -> store.insertIfAbsent(sameId))
        .isInstanceOf(InvalidSchedulerArgumentException.class).hasMessageContaining("id");
    assertThat(store.findTask("sync", "another-key")).isEmpty();
  }
}

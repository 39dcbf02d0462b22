package dev.dropsync.automation.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.automation.WebhookLog;
import dev.dropsync.automation.WebhookOutcome;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link WebhookLogStore}. A host's store extends this class (from the
 * automation test-jar) and returns an empty store from {@link #newStore()}.
 */
public abstract class WebhookLogStoreContractTest {
  protected static final TenantId A = TenantId.of("tenant-a");
  protected static final TenantId B = TenantId.of("tenant-b");
  protected static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  /** A new, empty store. */
  protected abstract WebhookLogStore newStore();

  protected static WebhookLog queued(TenantId tenant, String messageId, Instant at) {
    return WebhookLog.verified(tenant, messageId, "STOCK", "UPDATE", at, WebhookOutcome.QUEUED, null,
        "{\"messageId\":\"" + messageId + "\",\"type\":\"STOCK\",\"params\":{}}");
  }

  @Test
  void insertIsUniquePerTenantAndLogIdAndKeepsEveryField() {
    WebhookLogStore s = newStore();
    WebhookLog e = queued(A, "m1", T0);
    assertThat(s.insertIfAbsent(e)).isTrue();
    assertThat(s.insertIfAbsent(queued(A, "m1", T0.plusSeconds(5)))).isFalse();
    assertThat(s.find(A, "m1")).contains(e);
    assertThat(s.insertIfAbsent(queued(B, "m1", T0))).isTrue();
    assertThat(s.find(B, "m1")).contains(queued(B, "m1", T0));
    assertThat(s.find(A, "m2")).isEmpty();

    WebhookLog rejected = WebhookLog.rejected(A, WebhookLog.UNVERIFIED_PREFIX + "x1", T0, "signature does not match");
    assertThat(s.insertIfAbsent(rejected)).isTrue();
    assertThat(s.find(A, rejected.logId())).contains(rejected);
    WebhookLog ignored = WebhookLog.verified(A, "probe", null, null, T0, WebhookOutcome.IGNORED, "registration probe",
        "{\"messageId\":\"probe\",\"params\":{}}");
    assertThat(s.insertIfAbsent(ignored)).isTrue();
    assertThat(s.find(A, "probe")).contains(ignored);
  }

  @Test
  void duplicatesAreCountedOnTheExistingEntryOnly() {
    WebhookLogStore s = newStore();
    s.insertIfAbsent(queued(A, "m1", T0));
    s.insertIfAbsent(queued(B, "m1", T0));
    assertThat(s.recordDuplicate(A, "m1", T0.plusSeconds(1))).hasValueSatisfying(e -> {
      assertThat(e.duplicates()).isEqualTo(1);
      assertThat(e.lastDuplicateAt()).isEqualTo(T0.plusSeconds(1));
    });
    assertThat(s.recordDuplicate(A, "m1", T0.plusSeconds(2))).hasValueSatisfying(e -> assertThat(e.duplicates()).isEqualTo(2));
    assertThat(s.find(B, "m1").orElseThrow().duplicates()).isZero();
    assertThat(s.recordDuplicate(A, "nope", T0)).isEmpty();
    assertThat(s.find(A, "nope")).isEmpty();
  }

  @Test
  void aTaskIsAttachedOnce() {
    WebhookLogStore s = newStore();
    s.insertIfAbsent(queued(A, "m1", T0));
    assertThat(s.attachTask(A, "m1", "task-1")).isTrue();
    assertThat(s.attachTask(A, "m1", "task-1")).isTrue();
    assertThat(s.attachTask(A, "m1", "task-2")).isFalse();
    assertThat(s.find(A, "m1").orElseThrow().taskId()).isEqualTo("task-1");
    assertThat(s.attachTask(B, "m1", "task-3")).isFalse();
    assertThat(s.find(B, "m1")).isEmpty();
  }

  @Test
  void onlyTheFirstMarkProcessedWinsAndRejectedEntriesAreNeverProcessed() {
    WebhookLogStore s = newStore();
    s.insertIfAbsent(queued(A, "m1", T0));
    s.insertIfAbsent(queued(B, "m1", T0));
    assertThat(s.markProcessed(A, "m1", WebhookOutcome.APPLIED, "re-read p1", T0.plusSeconds(3))).isTrue();
    assertThat(s.markProcessed(A, "m1", WebhookOutcome.FAILED, "late", T0.plusSeconds(4))).isFalse();
    WebhookLog done = s.find(A, "m1").orElseThrow();
    assertThat(done.processed()).isTrue();
    assertThat(done.outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(done.detail()).isEqualTo("re-read p1");
    assertThat(done.processedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(s.find(B, "m1").orElseThrow().processed()).isFalse();

    WebhookLog rejected = WebhookLog.rejected(A, WebhookLog.UNVERIFIED_PREFIX + "r", T0, "forged");
    s.insertIfAbsent(rejected);
    assertThat(s.markProcessed(A, rejected.logId(), WebhookOutcome.APPLIED, null, T0)).isFalse();
    assertThat(s.find(A, rejected.logId())).contains(rejected);
    assertThat(s.markProcessed(A, "absent", WebhookOutcome.IGNORED, null, T0)).isFalse();
    assertThatThrownBy(() -> s.markProcessed(A, "m1", WebhookOutcome.QUEUED, null, T0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("outcome");
  }

  @Test
  void listPagesByReceivedAtThenLogIdWithinTheWindow() {
    WebhookLogStore s = newStore();
    s.insertIfAbsent(queued(A, "b", T0));
    s.insertIfAbsent(queued(A, "a", T0));
    s.insertIfAbsent(queued(A, "c", T0.plusSeconds(1)));
    s.insertIfAbsent(queued(A, "d", T0.plusSeconds(2)));
    s.insertIfAbsent(queued(A, "early", T0.minusSeconds(1)));
    s.insertIfAbsent(queued(B, "z", T0));
    Instant to = T0.plusSeconds(2);

    List<WebhookLog> first = s.list(A, T0, to, null, 2);
    assertThat(first).extracting(WebhookLog::logId).containsExactly("a", "b");
    List<WebhookLog> second = s.list(A, T0, to, WebhookLogCursor.after(first.get(1)), 2);
    assertThat(second).extracting(WebhookLog::logId).containsExactly("c");
    assertThat(s.list(A, T0, to, WebhookLogCursor.after(second.get(0)), 2)).isEmpty();
    assertThat(s.list(B, T0, to, null, 10)).extracting(WebhookLog::logId).containsExactly("z");
    assertThat(s.list(A, T0, T0, null, 10)).isEmpty();
    assertThatThrownBy(() -> s.list(A, T0, to, null, 0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> s.list(A, to, T0, null, 1)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void retentionDeletesOnlyTheTenantsOldEntries() {
    WebhookLogStore s = newStore();
    s.insertIfAbsent(queued(A, "old", T0.minusSeconds(3600)));
    s.insertIfAbsent(queued(A, "new", T0));
    s.insertIfAbsent(queued(B, "old", T0.minusSeconds(3600)));
    assertThat(s.deleteReceivedBefore(A, T0)).isEqualTo(1);
    assertThat(s.find(A, "old")).isEmpty();
    assertThat(s.find(A, "new")).isPresent();
    assertThat(s.find(B, "old")).isPresent();
    assertThat(s.insertIfAbsent(queued(A, "old", T0))).isTrue();
  }

  @Test
  void concurrentInsertsOfOneMessageIdLetExactlyOneWinAndCountEveryDuplicate() throws Exception {
    WebhookLogStore s = newStore();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          boolean won = s.insertIfAbsent(queued(A, "m1", T0));
          if (!won) {
            assertThat(s.recordDuplicate(A, "m1", T0.plusSeconds(1))).isPresent();
          }
          return won;
        }));
      }
      int wins = 0;
      for (Future<Boolean> f : results) {
        wins += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
      assertThat(s.find(A, "m1").orElseThrow().duplicates()).isEqualTo(threads - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentMarkProcessedLetsExactlyOneWin() throws Exception {
    WebhookLogStore s = newStore();
    s.insertIfAbsent(queued(A, "m1", T0));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        results.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return s.markProcessed(A, "m1", WebhookOutcome.APPLIED, "worker " + n, T0);
        }));
      }
      int wins = 0;
      for (Future<Boolean> f : results) {
        wins += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}

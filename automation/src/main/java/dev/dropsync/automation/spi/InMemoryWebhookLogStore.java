package dev.dropsync.automation.spi;

import dev.dropsync.automation.WebhookLog;
import dev.dropsync.automation.WebhookOutcome;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WebhookLogStore} in memory (concurrent maps; atomic {@code compute}). Thread-safe; for
 * tests, demos and single-process hosts. Nothing survives a restart.
 *
 * @since 0.1.0
 */
public final class InMemoryWebhookLogStore implements WebhookLogStore {
  private static final Comparator<WebhookLog> ORDER =
      Comparator.comparing(WebhookLog::receivedAt).thenComparing(WebhookLog::logId);

  private final ConcurrentHashMap<TenantId, ConcurrentHashMap<String, WebhookLog>> rows = new ConcurrentHashMap<>();

  /**
   * Creates an empty store.
   *
   * @since 0.1.0
   */
  public InMemoryWebhookLogStore() {}

  private ConcurrentHashMap<String, WebhookLog> of(TenantId tenant) {
    return rows.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new ConcurrentHashMap<>());
  }

  @Override
  public boolean insertIfAbsent(WebhookLog entry) {
    Objects.requireNonNull(entry, "entry");
    return of(entry.tenant()).putIfAbsent(entry.logId(), entry) == null;
  }

  @Override
  public Optional<WebhookLog> recordDuplicate(TenantId tenant, String logId, Instant at) {
    Objects.requireNonNull(at, "at");
    return Optional.ofNullable(of(tenant).computeIfPresent(logId, (k, v) -> v.withDuplicate(at)));
  }

  @Override
  public boolean attachTask(TenantId tenant, String logId, String taskId) {
    Objects.requireNonNull(taskId, "taskId");
    AtomicBoolean ok = new AtomicBoolean();
    of(tenant).computeIfPresent(logId, (k, v) -> {
      String existing = v.taskId();
      if (existing == null) {
        ok.set(true);
        return v.withTaskId(taskId);
      }
      ok.set(existing.equals(taskId));
      return v;
    });
    return ok.get();
  }

  @Override
  public boolean markProcessed(TenantId tenant, String logId, WebhookOutcome outcome, @Nullable String detail,
      Instant at) {
    if (outcome == null || !outcome.isProcessed()) {
      throw new InvalidInputException("outcome", outcome, "must be APPLIED, IGNORED or FAILED");
    }
    Objects.requireNonNull(at, "at");
    AtomicBoolean ok = new AtomicBoolean();
    of(tenant).computeIfPresent(logId, (k, v) -> {
      if (!v.verified() || v.processed()) {
        return v;
      }
      ok.set(true);
      return v.withOutcome(outcome, detail, at);
    });
    return ok.get();
  }

  @Override
  public Optional<WebhookLog> find(TenantId tenant, String logId) {
    return Optional.ofNullable(of(tenant).get(Objects.requireNonNull(logId, "logId")));
  }

  @Override
  public List<WebhookLog> list(TenantId tenant, Instant from, Instant to, @Nullable WebhookLogCursor after,
      int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be >= 1");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", to, "must not be before from (" + from + ")");
    }
    List<WebhookLog> out = new ArrayList<>();
    for (WebhookLog e : of(tenant).values()) {
      if (e.receivedAt().isBefore(from) || !e.receivedAt().isBefore(to)) {
        continue;
      }
      if (after != null) {
        int c = e.receivedAt().compareTo(after.receivedAt());
        if (c < 0 || c == 0 && e.logId().compareTo(after.logId()) <= 0) {
          continue;
        }
      }
      out.add(e);
    }
    out.sort(ORDER);
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  @Override
  public int deleteReceivedBefore(TenantId tenant, Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    AtomicInteger n = new AtomicInteger();
    of(tenant).entrySet().removeIf(e -> {
      boolean old = e.getValue().receivedAt().isBefore(cutoff);
      if (old) {
        n.incrementAndGet();
      }
      return old;
    });
    return n.get();
  }
}

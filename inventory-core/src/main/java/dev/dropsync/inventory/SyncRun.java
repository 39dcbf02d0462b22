package dev.dropsync.inventory;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The stored record of one inventory sync run.
 *
 * @param runId the run's id
 * @param tenant the tenant
 * @param status running, completed or cancelled
 * @param startedAt when it (last) started
 * @param finishedAt when it completed or was cancelled, or null while running
 * @param total products in the run
 * @param updated products changed
 * @param unchanged products that matched the supplier
 * @param failed products that failed (counted by their latest attempt)
 * @since 0.1.0
 */
public record SyncRun(
    String runId,
    TenantId tenant,
    SyncRunStatus status,
    Instant startedAt,
    @Nullable Instant finishedAt,
    int total,
    int updated,
    int unchanged,
    int failed) {

  /** Validates. @throws InvalidInputException on a blank id or negative counts */
  public SyncRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    if (runId.isBlank()) {
      throw new InvalidInputException("runId", runId, "must not be blank");
    }
    if (total < 0 || updated < 0 || unchanged < 0 || failed < 0) {
      throw new InvalidInputException("counts", total + "/" + updated + "/" + unchanged + "/" + failed, "must be >= 0");
    }
  }

  /** Products processed so far. */
  public int processed() {
    return updated + unchanged + failed;
  }

  /**
   * The share of processed products that succeeded (updated or unchanged), in {@code [0, 1]};
   * empty when nothing was processed (never NaN).
   */
  public OptionalDouble successRate() {
    int p = processed();
    return p == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (updated + unchanged) / p);
  }
}

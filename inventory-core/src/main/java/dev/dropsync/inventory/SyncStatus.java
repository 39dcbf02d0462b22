package dev.dropsync.inventory;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A live snapshot of a sync run, taken at one instant. Immutable.
 *
 * @param runId the run's id
 * @param tenant the tenant
 * @param state running, completed or cancelled
 * @param processed products processed so far (including those done before a resume)
 * @param total products in the run
 * @param currentTask what the run is doing now, e.g. {@code "syncing product p-12"}
 * @param startedAt when the run (last) started
 * @param estimatedCompletion when the run should finish at the rate observed since it (last)
 *     started, or null until a rate is known or once it finished
 * @param updated products changed
 * @param unchanged products that matched the supplier
 * @param failed products that failed
 * @since 0.1.0
 */
public record SyncStatus(
    String runId,
    TenantId tenant,
    SyncRunStatus state,
    int processed,
    int total,
    String currentTask,
    Instant startedAt,
    @Nullable Instant estimatedCompletion,
    int updated,
    int unchanged,
    int failed) {

  /** Checks for nulls. */
  public SyncStatus {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(currentTask, "currentTask");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  /** True while the run is working. */
  public boolean running() {
    return state == SyncRunStatus.RUNNING;
  }

  /** {@code processed / total} in {@code [0, 1]}; 1 for an empty run. */
  public double progress() {
    return total == 0 ? 1.0 : Math.min(1.0, (double) processed / total);
  }
}

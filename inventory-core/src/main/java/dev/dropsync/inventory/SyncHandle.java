package dev.dropsync.inventory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A started sync run: watch it, cancel it, wait for it. Thread-safe.
 *
 * @since 0.1.0
 */
public interface SyncHandle {
  /** The run's id (use it with {@link InventorySync#resume}). */
  String runId();

  /** A live snapshot of the run. */
  SyncStatus status();

  /**
   * Asks the run to stop after the products in progress; the run ends {@link
   * SyncRunStatus#CANCELLED} and can be resumed. A no-op once finished.
   */
  void cancel();

  /** Completes with the stored run record when the run completes or is cancelled. */
  CompletableFuture<SyncRun> future();

  /** The failure message of each product that failed in this session. */
  Map<ProductId, String> failures();

  /**
   * Waits for the run to end.
   *
   * @param timeout the longest wait
   * @return the stored run record
   * @throws InventoryException if the run did not end within {@code timeout} or was interrupted
   */
  SyncRun await(Duration timeout);
}

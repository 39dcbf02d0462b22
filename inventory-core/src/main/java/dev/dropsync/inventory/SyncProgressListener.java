package dev.dropsync.inventory;

/**
 * Receives a {@link SyncStatus} snapshot when a run starts, after each product, and when it
 * finishes. Called on the sync's worker threads; must be thread-safe and fast. Exceptions are
 * caught and ignored.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SyncProgressListener {
  /** A new snapshot. */
  void onProgress(SyncStatus status);
}

package dev.dropsync.inventory;

/**
 * Where an inventory sync run stands.
 *
 * @since 0.1.0
 */
public enum SyncRunStatus {
  /** Working through its products. */
  RUNNING,
  /** Went through every product (some may have failed). */
  COMPLETED,
  /** Stopped by {@code cancel()}; can be resumed. */
  CANCELLED
}

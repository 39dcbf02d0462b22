package dev.dropsync.inventory;

/**
 * What a sync run did to one product.
 *
 * @since 0.1.0
 */
public enum SyncItemOutcome {
  /** Planned but not processed yet. */
  PENDING,
  /** Stock, cost or price changed. */
  UPDATED,
  /** The supplier's data matched; nothing was written. */
  UNCHANGED,
  /** Reading or applying failed; the error was recorded and a resume retries it. */
  FAILED;

  /** True for UPDATED and UNCHANGED: done, skipped on resume (PENDING and FAILED are retried). */
  public boolean done() {
    return this == UPDATED || this == UNCHANGED;
  }
}

package dev.dropsync.scheduler;

/**
 * Lifecycle of an {@link AutomationTask}: {@code PENDING -> RUNNING -> COMPLETED | FAILED}, with
 * {@code RUNNING -> PENDING} for a retry, a recovered dead claim or a shutdown release, and {@code
 * PENDING -> CANCELLED}.
 *
 * @since 0.1.0
 */
public enum TaskStatus {
  /** Waiting to be claimed once {@code scheduledAt} has passed. */
  PENDING,
  /** Claimed by a worker ({@code pickedBy}) that heartbeats it. */
  RUNNING,
  /** Finished successfully. Terminal. */
  COMPLETED,
  /** Failed permanently; {@code lastError} holds the reason. Terminal. */
  FAILED,
  /** Cancelled before it ran. Terminal. */
  CANCELLED;

  /**
   * Returns whether no further transition is possible.
   *
   * @return true for COMPLETED, FAILED and CANCELLED
   * @since 0.1.0
   */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}

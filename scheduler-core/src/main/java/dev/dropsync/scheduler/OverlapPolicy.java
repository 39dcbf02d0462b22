package dev.dropsync.scheduler;

/**
 * What a schedule does at a fire time while runs it created earlier are still PENDING or RUNNING.
 *
 * @since 0.1.0
 */
public enum OverlapPolicy {
  /** Always create the new run (runs of one schedule may then overlap). The default. */
  ALLOW,
  /** Skip the fire while any earlier run is unfinished. */
  SKIP,
  /** Keep at most one run waiting behind the unfinished one: skip when two are unfinished. */
  BUFFER_ONE;

  /**
   * Returns whether a new run may be created given the schedule's unfinished runs.
   *
   * @param unfinished PENDING or RUNNING tasks of the schedule
   * @return true to create the run
   * @since 0.1.0
   */
  public boolean allows(long unfinished) {
    switch (this) {
      case SKIP:
        return unfinished == 0;
      case BUFFER_ONE:
        return unfinished <= 1;
      case ALLOW:
      default:
        return true;
    }
  }
}

package dev.dropsync.scheduler;

/**
 * What a schedule does with fire times it missed (the scheduler was down or paused longer than the
 * misfire threshold). Immutable.
 *
 * @param kind the behaviour
 * @param maxCatchUp for {@link Kind#CATCH_UP}, the most missed runs to create (the most recent
 *     ones); 1 for the other kinds
 * @since 0.1.0
 */
public record MisfirePolicy(Kind kind, int maxCatchUp) {

  /**
   * Misfire behaviours.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /**
     * Run once now for all missed fire times (and any late ones within the threshold), then
     * continue with the next regular time.
     */
    FIRE_ONCE_NOW,
    /**
     * Run nothing for the missed times (fire times still within the misfire threshold run); continue
     * with the next regular time.
     */
    SKIP_TO_NEXT,
    /** Run each missed fire time, up to {@code maxCatchUp} of the most recent ones. */
    CATCH_UP
  }

  /**
   * Validates the components.
   *
   * @throws InvalidSchedulerArgumentException if kind is null or maxCatchUp is below 1
   */
  public MisfirePolicy {
    InvalidSchedulerArgumentException.requireNonNull("kind", kind);
    InvalidSchedulerArgumentException.requireAtLeast("maxCatchUp", maxCatchUp, 1);
  }

  /**
   * The default: run once now.
   *
   * @return the policy
   * @since 0.1.0
   */
  public static MisfirePolicy fireOnceNow() {
    return new MisfirePolicy(Kind.FIRE_ONCE_NOW, 1);
  }

  /**
   * Skip missed runs.
   *
   * @return the policy
   * @since 0.1.0
   */
  public static MisfirePolicy skipToNext() {
    return new MisfirePolicy(Kind.SKIP_TO_NEXT, 1);
  }

  /**
   * Run each missed fire time, at most {@code max} (the most recent ones).
   *
   * @param max at least 1
   * @return the policy
   * @throws InvalidSchedulerArgumentException if max is below 1
   * @since 0.1.0
   */
  public static MisfirePolicy catchUp(int max) {
    return new MisfirePolicy(Kind.CATCH_UP, max);
  }
}

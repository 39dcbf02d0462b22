package dev.dropsync.scheduler;

/**
 * Task priority. Higher {@link #weight()} is claimed first.
 *
 * @since 0.1.0
 */
public enum TaskPriority {
  /** Weight 10. */
  LOW(10),
  /** Weight 50; the default. */
  MEDIUM(50),
  /** Weight 90. */
  HIGH(90),
  /** Weight 100. */
  CRITICAL(100);

  private final int weight;

  TaskPriority(int weight) {
    this.weight = weight;
  }

  /**
   * Returns the numeric weight stored by task stores (10, 50, 90, 100).
   *
   * @return the weight
   * @since 0.1.0
   */
  public int weight() {
    return weight;
  }

  /**
   * Returns the priority with the given weight.
   *
   * @param weight 10, 50, 90 or 100
   * @return the priority
   * @throws InvalidSchedulerArgumentException if no priority has that weight
   * @since 0.1.0
   */
  public static TaskPriority ofWeight(int weight) {
    for (TaskPriority p : values()) {
      if (p.weight == weight) {
        return p;
      }
    }
    throw new InvalidSchedulerArgumentException("priority", weight, "must be 10, 50, 90 or 100");
  }
}

package dev.dropsync.scheduler.spi;

import dev.dropsync.scheduler.InvalidSchedulerArgumentException;
import dev.dropsync.scheduler.TaskPriority;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Restrictions a worker passes to {@link TaskStore#claimDue}. Immutable.
 *
 * @param types the task types the worker can run; empty means any type
 * @param maxRunningPerType per-type concurrency limits, enforced by the store across every worker
 *     sharing it: a task of type T is claimed only while fewer than {@code maxRunningPerType.get(T)}
 *     tasks of T are RUNNING; types without an entry are unlimited
 * @param priorityAging when set, a PENDING task is treated as one priority level higher for each
 *     full {@code priorityAging} it has waited past its {@code scheduledAt} (LOW to MEDIUM to HIGH
 *     to CRITICAL), so a flood of high-priority work cannot starve lower priorities forever; null
 *     disables aging
 * @since 0.1.0
 */
public record ClaimFilter(
    Set<String> types, Map<String, Integer> maxRunningPerType, @Nullable Duration priorityAging) {

  /**
   * Creates a filter without priority aging.
   *
   * @param types the task types the worker can run; empty means any type
   * @param maxRunningPerType global per-type concurrency limits
   * @since 0.1.0
   */
  public ClaimFilter(Set<String> types, Map<String, Integer> maxRunningPerType) {
    this(types, maxRunningPerType, null);
  }

  /**
   * Validates and copies the components.
   *
   * @throws InvalidSchedulerArgumentException if a limit is below 1
   */
  public ClaimFilter {
    types = Set.copyOf(types);
    maxRunningPerType = Map.copyOf(maxRunningPerType);
    maxRunningPerType.forEach(
        (type, limit) -> {
          if (limit < 1) {
            throw new InvalidSchedulerArgumentException(
                "maxRunningPerType[" + type + "]", limit, "must be >= 1");
          }
        });
    if (priorityAging != null) {
      if (priorityAging.isZero() || priorityAging.isNegative()) {
        throw new InvalidSchedulerArgumentException(
            "priorityAging", priorityAging, "must be positive");
      }
    }
  }

  /**
   * Returns the priority weight a PENDING task competes with at {@code now}: its own, raised one
   * level per full {@link #priorityAging()} waited, capped at CRITICAL.
   *
   * @param priority the task's priority
   * @param scheduledAt the task's due time
   * @param now the claim time
   * @return the effective weight (10, 50, 90 or 100)
   * @since 0.1.0
   */
  public int effectiveWeight(TaskPriority priority, Instant scheduledAt, Instant now) {
    Duration aging = priorityAging;
    if (aging == null || !now.isAfter(scheduledAt)) {
      return priority.weight();
    }
    long steps = Duration.between(scheduledAt, now).toNanos() / aging.toNanos();
    TaskPriority[] levels = TaskPriority.values();
    int level = (int) Math.min(levels.length - 1, priority.ordinal() + Math.min(steps, levels.length));
    return levels[level].weight();
  }

  /**
   * A filter with no restriction.
   *
   * @return the filter
   * @since 0.1.0
   */
  public static ClaimFilter any() {
    return new ClaimFilter(Set.of(), Map.of());
  }

  /**
   * Returns whether {@code type} may be claimed given {@code running} tasks of it are RUNNING.
   *
   * @param type the task type
   * @param running RUNNING tasks of that type across the store
   * @return true if allowed
   * @since 0.1.0
   */
  public boolean allows(String type, int running) {
    if (!types.isEmpty() && !types.contains(type)) {
      return false;
    }
    Integer limit = maxRunningPerType.get(type);
    return limit == null || running < limit;
  }
}

package dev.dropsync.scheduler.spi;

import dev.dropsync.scheduler.InvalidSchedulerArgumentException;
import java.util.Map;
import java.util.Set;

/**
 * Restrictions a worker passes to {@link TaskStore#claimDue}. Immutable.
 *
 * @param types the task types the worker can run; empty means any type
 * @param maxRunningPerType per-type concurrency limits, enforced by the store across every worker
 *     sharing it: a task of type T is claimed only while fewer than {@code maxRunningPerType.get(T)}
 *     tasks of T are RUNNING; types without an entry are unlimited
 * @since 0.1.0
 */
public record ClaimFilter(Set<String> types, Map<String, Integer> maxRunningPerType) {

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

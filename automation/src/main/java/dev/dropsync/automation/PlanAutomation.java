package dev.dropsync.automation;

import dev.dropsync.inventory.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one plan gets automatically: its default schedules, and whether CJ webhooks are accepted.
 * Immutable and thread-safe; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class PlanAutomation {
  private final List<ScheduleTemplate> schedules;
  private final boolean webhooks;

  private PlanAutomation(List<ScheduleTemplate> schedules, boolean webhooks) {
    this.schedules = List.copyOf(schedules);
    this.webhooks = webhooks;
  }

  /**
   * Returns a new builder (no schedules, webhooks off). Not thread-safe.
   *
   * @return the builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the default schedules, in order.
   *
   * @return the templates
   * @since 0.1.0
   */
  public List<ScheduleTemplate> schedules() {
    return schedules;
  }

  /**
   * Returns whether webhook deliveries are processed for tenants on the plan. When false they are
   * still verified and logged, then answered 200 and logged IGNORED (so CJ does not count failures).
   *
   * @return true if webhooks are on
   * @since 0.1.0
   */
  public boolean webhooks() {
    return webhooks;
  }

  /**
   * Returns a builder holding this plan's settings, to derive a variant.
   *
   * @return the builder
   * @since 0.1.0
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    schedules.forEach(b::schedule);
    return b.webhooks(webhooks);
  }

  /**
   * Describes the plan's automation.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "PlanAutomation[schedules=" + schedules + ", webhooks=" + webhooks + "]";
  }

  /**
   * Builds a {@link PlanAutomation}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final List<ScheduleTemplate> schedules = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private boolean webhooks;

    private Builder() {}

    /**
     * Adds a default schedule.
     *
     * @param template the template; its key must be unique within the plan
     * @return this
     * @throws InvalidInputException if another template has the same key
     * @since 0.1.0
     */
    public Builder schedule(ScheduleTemplate template) {
      Objects.requireNonNull(template, "template");
      if (!keys.add(template.key())) {
        throw new InvalidInputException("key", template.key(), "must be unique within a plan");
      }
      schedules.add(template);
      return this;
    }

    /**
     * Removes the default schedule with {@code key}, if present.
     *
     * @param key the template key
     * @return this
     * @since 0.1.0
     */
    public Builder withoutSchedule(String key) {
      if (keys.remove(key)) {
        schedules.removeIf(t -> t.key().equals(key));
      }
      return this;
    }

    /**
     * Sets whether webhooks are processed (default false).
     *
     * @param enabled the flag
     * @return this
     * @since 0.1.0
     */
    public Builder webhooks(boolean enabled) {
      this.webhooks = enabled;
      return this;
    }

    /**
     * Builds it.
     *
     * @return the plan automation
     * @since 0.1.0
     */
    public PlanAutomation build() {
      return new PlanAutomation(schedules, webhooks);
    }
  }
}

package dev.dropsync.automation;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.scheduler.MisfirePolicy;
import dev.dropsync.scheduler.OverlapPolicy;
import dev.dropsync.scheduler.Recurrence;
import dev.dropsync.scheduler.ScheduleRequest;
import dev.dropsync.scheduler.TaskPriority;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One default schedule of a plan: a task type on a {@link ZonedRecurrence}, with the task settings
 * of the schedule. Applied per tenant (in the tenant's zone) under the schedule id {@code
 * auto:<tenant>:<key>}, so applying it again finds the same schedule and never creates a duplicate.
 *
 * <pre>{@code
 * ScheduleTemplate sync = ScheduleTemplate.builder("inventory_sync")
 *     .taskType(TaskTypes.INVENTORY_SYNC)
 *     .recurrence(ZonedRecurrence.daily(LocalTime.of(2, 0)))
 *     .overlapPolicy(OverlapPolicy.SKIP)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ScheduleTemplate {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String key;
  private final String taskType;
  private final ZonedRecurrence recurrence;
  private final Map<String, String> payload;
  private final TaskPriority priority;
  private final int maxRetries;
  private final @Nullable Duration taskTimeout;
  private final MisfirePolicy misfirePolicy;
  private final OverlapPolicy overlapPolicy;

  private ScheduleTemplate(Builder b) {
    this.key = b.key;
    if (b.taskType == null || b.taskType.isBlank()) {
      throw new InvalidInputException("taskType", b.taskType, "must not be blank (template \"" + b.key + "\")");
    }
    if (b.recurrence == null) {
      throw new InvalidInputException("recurrence", null, "is required (template \"" + b.key + "\")");
    }
    this.taskType = b.taskType;
    this.recurrence = b.recurrence;
    this.payload = Map.copyOf(b.payload);
    this.priority = b.priority;
    this.maxRetries = b.maxRetries;
    this.taskTimeout = b.taskTimeout;
    this.misfirePolicy = b.misfirePolicy;
    this.overlapPolicy = b.overlapPolicy;
  }

  /**
   * Returns a builder for the template {@code key} (unique within a plan; part of the schedule id).
   *
   * @param key 1-64 letters, digits, '.', '_' or '-'
   * @return the builder
   * @throws InvalidInputException if the key is malformed
   * @since 0.1.0
   */
  public static Builder builder(String key) {
    return new Builder(key);
  }

  /**
   * Returns the template's key.
   *
   * @return the key
   * @since 0.1.0
   */
  public String key() {
    return key;
  }

  /**
   * Returns the task type.
   *
   * @return the type
   * @since 0.1.0
   */
  public String taskType() {
    return taskType;
  }

  /**
   * Returns the recurrence in the tenant's zone.
   *
   * @param zone the tenant's zone
   * @return the recurrence
   * @since 0.1.0
   */
  public Recurrence recurrenceIn(ZoneId zone) {
    return recurrence.in(zone);
  }

  /**
   * Returns the payload of each task.
   *
   * @return the payload (unmodifiable)
   * @since 0.1.0
   */
  public Map<String, String> payload() {
    return payload;
  }

  /**
   * Returns the priority of each task.
   *
   * @return the priority
   * @since 0.1.0
   */
  public TaskPriority priority() {
    return priority;
  }

  /**
   * Returns the retries of each task after its first attempt.
   *
   * @return the retries
   * @since 0.1.0
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Returns the attempt timeout of each task, null for the scheduler's default.
   *
   * @return the timeout
   * @since 0.1.0
   */
  public @Nullable Duration taskTimeout() {
    return taskTimeout;
  }

  /**
   * Returns the misfire policy.
   *
   * @return the policy
   * @since 0.1.0
   */
  public MisfirePolicy misfirePolicy() {
    return misfirePolicy;
  }

  /**
   * Returns the overlap policy.
   *
   * @return the policy
   * @since 0.1.0
   */
  public OverlapPolicy overlapPolicy() {
    return overlapPolicy;
  }

  /**
   * Returns the schedule request of this template for one tenant.
   *
   * @param scheduleId the schedule id
   * @param owner the tenant id
   * @param zone the tenant's zone
   * @param active whether the schedule starts active
   * @return the request
   * @since 0.1.0
   */
  public ScheduleRequest toRequest(String scheduleId, String owner, ZoneId zone, boolean active) {
    ScheduleRequest.Builder b = ScheduleRequest.builder().id(scheduleId).owner(owner).taskType(taskType)
        .recurrence(recurrence.in(zone)).payload(payload).priority(priority).maxRetries(maxRetries)
        .misfirePolicy(misfirePolicy).overlapPolicy(overlapPolicy).active(active);
    if (taskTimeout != null) {
      b.taskTimeout(taskTimeout);
    }
    return b.build();
  }

  /**
   * Describes the template.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "ScheduleTemplate[" + key + ": " + taskType + " " + recurrence.in(ZoneId.of("UTC")).spec()
        + " (shown in UTC), priority " + priority + "]";
  }

  /**
   * Builds a {@link ScheduleTemplate}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String key;
    private @Nullable String taskType;
    private @Nullable ZonedRecurrence recurrence;
    private Map<String, String> payload = Map.of();
    private TaskPriority priority = TaskPriority.MEDIUM;
    private int maxRetries = 3;
    private @Nullable Duration taskTimeout;
    private MisfirePolicy misfirePolicy = MisfirePolicy.fireOnceNow();
    private OverlapPolicy overlapPolicy = OverlapPolicy.ALLOW;

    private Builder(@Nullable String key) {
      if (key == null || !KEY.matcher(key).matches()) {
        throw new InvalidInputException("key", key, "must be 1-64 letters, digits, '.', '_' or '-'");
      }
      this.key = key;
    }

    /**
     * Sets the task type (required); it needs a handler on the scheduler.
     *
     * @param taskType the type, e.g. {@link TaskTypes#INVENTORY_SYNC}
     * @return this
     * @since 0.1.0
     */
    public Builder taskType(String taskType) {
      this.taskType = taskType;
      return this;
    }

    /**
     * Sets the recurrence (required).
     *
     * @param recurrence the recurrence in the tenant's zone
     * @return this
     * @since 0.1.0
     */
    public Builder recurrence(ZonedRecurrence recurrence) {
      this.recurrence = Objects.requireNonNull(recurrence, "recurrence");
      return this;
    }

    /**
     * Sets the payload of each task (default empty).
     *
     * @param payload the payload
     * @return this
     * @since 0.1.0
     */
    public Builder payload(Map<String, String> payload) {
      this.payload = Map.copyOf(payload);
      return this;
    }

    /**
     * Sets the priority (default MEDIUM).
     *
     * @param priority the priority
     * @return this
     * @since 0.1.0
     */
    public Builder priority(TaskPriority priority) {
      this.priority = Objects.requireNonNull(priority, "priority");
      return this;
    }

    /**
     * Sets the retries of each task after its first attempt (default 3).
     *
     * @param maxRetries {@code >= 0}
     * @return this
     * @throws InvalidInputException if negative
     * @since 0.1.0
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new InvalidInputException("maxRetries", maxRetries, "must be >= 0");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the attempt timeout (default: the scheduler's).
     *
     * @param timeout positive
     * @return this
     * @throws InvalidInputException if zero or negative
     * @since 0.1.0
     */
    public Builder taskTimeout(Duration timeout) {
      if (timeout == null || timeout.isZero() || timeout.isNegative()) {
        throw new InvalidInputException("taskTimeout", timeout, "must be positive");
      }
      this.taskTimeout = timeout;
      return this;
    }

    /**
     * Sets the misfire policy (default fire once now).
     *
     * @param policy the policy
     * @return this
     * @since 0.1.0
     */
    public Builder misfirePolicy(MisfirePolicy policy) {
      this.misfirePolicy = Objects.requireNonNull(policy, "misfirePolicy");
      return this;
    }

    /**
     * Sets the overlap policy (default ALLOW).
     *
     * @param policy the policy
     * @return this
     * @since 0.1.0
     */
    public Builder overlapPolicy(OverlapPolicy policy) {
      this.overlapPolicy = Objects.requireNonNull(policy, "overlapPolicy");
      return this;
    }

    /**
     * Builds the template.
     *
     * @return the template
     * @throws InvalidInputException if the task type or recurrence is missing
     * @since 0.1.0
     */
    public ScheduleTemplate build() {
      return new ScheduleTemplate(this);
    }
  }
}

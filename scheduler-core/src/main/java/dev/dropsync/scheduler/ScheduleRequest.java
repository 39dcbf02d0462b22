package dev.dropsync.scheduler;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request to create a recurring schedule with {@link Scheduler#schedule}. Immutable; build with
 * {@link #builder()}.
 *
 * @param id the schedule id; null for a random one
 * @param owner the tenant
 * @param taskType the task type created at each fire; must have a registered handler
 * @param recurrence when it fires
 * @param payload payload of each task
 * @param priority priority of each task, default MEDIUM
 * @param maxRetries retries of each task after its first attempt, default 3
 * @param taskTimeout attempt timeout, null for the scheduler default
 * @param misfirePolicy default {@link MisfirePolicy#fireOnceNow()}
 * @param overlapPolicy default {@link OverlapPolicy#ALLOW}
 * @param active whether it starts active (default true)
 * @since 0.1.0
 */
public record ScheduleRequest(
    @Nullable String id,
    String owner,
    String taskType,
    Recurrence recurrence,
    Map<String, String> payload,
    TaskPriority priority,
    int maxRetries,
    @Nullable Duration taskTimeout,
    MisfirePolicy misfirePolicy,
    OverlapPolicy overlapPolicy,
    boolean active) {

  /**
   * Validates the components.
   *
   * @throws InvalidSchedulerArgumentException naming the bad field and value
   */
  public ScheduleRequest {
    if (id != null) {
      InvalidSchedulerArgumentException.requireNonBlank("id", id);
    }
    InvalidSchedulerArgumentException.requireNonBlank("owner", owner);
    InvalidSchedulerArgumentException.requireNonBlank("taskType", taskType);
    InvalidSchedulerArgumentException.requireNonNull("recurrence", recurrence);
    payload = Map.copyOf(InvalidSchedulerArgumentException.requireNonNull("payload", payload));
    InvalidSchedulerArgumentException.requireNonNull("priority", priority);
    InvalidSchedulerArgumentException.requireAtLeast("maxRetries", maxRetries, 0);
    if (taskTimeout != null) {
      InvalidSchedulerArgumentException.requirePositive("taskTimeout", taskTimeout);
    }
    InvalidSchedulerArgumentException.requireNonNull("misfirePolicy", misfirePolicy);
    InvalidSchedulerArgumentException.requireNonNull("overlapPolicy", overlapPolicy);
  }

  /**
   * Returns a new builder. Not thread-safe.
   *
   * @return the builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder for {@link ScheduleRequest}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String owner;
    private @Nullable String taskType;
    private @Nullable Recurrence recurrence;
    private Map<String, String> payload = Map.of();
    private TaskPriority priority = TaskPriority.MEDIUM;
    private int maxRetries = 3;
    private @Nullable Duration taskTimeout;
    private MisfirePolicy misfirePolicy = MisfirePolicy.fireOnceNow();
    private OverlapPolicy overlapPolicy = OverlapPolicy.ALLOW;
    private boolean active = true;

    Builder() {}

    /**
     * Sets the id (default random).
     *
     * @param id the id
     * @return this
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the owner (required).
     *
     * @param owner the tenant
     * @return this
     */
    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    /**
     * Sets the task type (required).
     *
     * @param taskType the type
     * @return this
     */
    public Builder taskType(String taskType) {
      this.taskType = taskType;
      return this;
    }

    /**
     * Sets the recurrence (required).
     *
     * @param recurrence the recurrence
     * @return this
     */
    public Builder recurrence(Recurrence recurrence) {
      this.recurrence = recurrence;
      return this;
    }

    /**
     * Sets the payload (default empty).
     *
     * @param payload the payload
     * @return this
     */
    public Builder payload(Map<String, String> payload) {
      this.payload = payload;
      return this;
    }

    /**
     * Sets the priority (default MEDIUM).
     *
     * @param priority the priority
     * @return this
     */
    public Builder priority(TaskPriority priority) {
      this.priority = priority;
      return this;
    }

    /**
     * Sets the retries of each task (default 3).
     *
     * @param maxRetries {@code >= 0}
     * @return this
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the attempt timeout (default: the scheduler's).
     *
     * @param taskTimeout positive duration
     * @return this
     */
    public Builder taskTimeout(Duration taskTimeout) {
      this.taskTimeout = taskTimeout;
      return this;
    }

    /**
     * Sets the misfire policy (default fire once now).
     *
     * @param misfirePolicy the policy
     * @return this
     */
    public Builder misfirePolicy(MisfirePolicy misfirePolicy) {
      this.misfirePolicy = misfirePolicy;
      return this;
    }

    /**
     * Sets the overlap policy (default ALLOW).
     *
     * @param overlapPolicy the policy
     * @return this
     */
    public Builder overlapPolicy(OverlapPolicy overlapPolicy) {
      this.overlapPolicy = overlapPolicy;
      return this;
    }

    /**
     * Sets whether the schedule starts active (default true).
     *
     * @param active the flag
     * @return this
     */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws InvalidSchedulerArgumentException naming the bad field and value
     */
    public ScheduleRequest build() {
      return new ScheduleRequest(
          id,
          InvalidSchedulerArgumentException.requireNonBlank("owner", owner),
          InvalidSchedulerArgumentException.requireNonBlank("taskType", taskType),
          InvalidSchedulerArgumentException.requireNonNull("recurrence", recurrence),
          payload, priority, maxRetries, taskTimeout, misfirePolicy, overlapPolicy, active);
    }
  }
}

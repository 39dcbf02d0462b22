package dev.dropsync.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request to enqueue one task with {@link Scheduler#submit}. Immutable; build with {@link
 * #builder()}.
 *
 * @param type the task type, which must have a registered handler
 * @param owner the tenant
 * @param instanceKey idempotency key unique per type; null for a random one
 * @param payload handler input
 * @param priority priority, default MEDIUM
 * @param maxRetries retries after the first attempt, default 3
 * @param runAt when it becomes due; null for now
 * @param timeout attempt timeout; null for the scheduler default
 * @since 0.1.0
 */
public record TaskRequest(
    String type,
    String owner,
    @Nullable String instanceKey,
    Map<String, String> payload,
    TaskPriority priority,
    int maxRetries,
    @Nullable Instant runAt,
    @Nullable Duration timeout) {

  /**
   * Validates the components.
   *
   * @throws InvalidSchedulerArgumentException naming the bad field and value
   */
  public TaskRequest {
    InvalidSchedulerArgumentException.requireNonBlank("type", type);
    InvalidSchedulerArgumentException.requireNonBlank("owner", owner);
    if (instanceKey != null) {
      InvalidSchedulerArgumentException.requireNonBlank("instanceKey", instanceKey);
    }
    payload = Map.copyOf(InvalidSchedulerArgumentException.requireNonNull("payload", payload));
    InvalidSchedulerArgumentException.requireNonNull("priority", priority);
    InvalidSchedulerArgumentException.requireAtLeast("maxRetries", maxRetries, 0);
    if (timeout != null) {
      InvalidSchedulerArgumentException.requirePositive("timeout", timeout);
    }
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
   * Builder for {@link TaskRequest}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String type;
    private @Nullable String owner;
    private @Nullable String instanceKey;
    private Map<String, String> payload = Map.of();
    private TaskPriority priority = TaskPriority.MEDIUM;
    private int maxRetries = 3;
    private @Nullable Instant runAt;
    private @Nullable Duration timeout;

    Builder() {}

    /**
     * Sets the task type (required).
     *
     * @param type the type
     * @return this
     */
    public Builder type(String type) {
      this.type = type;
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
     * Sets the idempotency key (default: random).
     *
     * @param instanceKey the key
     * @return this
     */
    public Builder instanceKey(String instanceKey) {
      this.instanceKey = instanceKey;
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
     * Sets the retries after the first attempt (default 3).
     *
     * @param maxRetries {@code >= 0}
     * @return this
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets when the task becomes due (default now).
     *
     * @param runAt the due time
     * @return this
     */
    public Builder runAt(Instant runAt) {
      this.runAt = runAt;
      return this;
    }

    /**
     * Sets the attempt timeout (default: the scheduler's).
     *
     * @param timeout positive duration
     * @return this
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws InvalidSchedulerArgumentException naming the bad field and value
     */
    public TaskRequest build() {
      return new TaskRequest(
          InvalidSchedulerArgumentException.requireNonBlank("type", type),
          InvalidSchedulerArgumentException.requireNonBlank("owner", owner),
          instanceKey, payload, priority, maxRetries, runAt, timeout);
    }
  }
}

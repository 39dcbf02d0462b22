package dev.dropsync.scheduler;

/**
 * A task with the same type and instance key already exists with a different payload. The same key
 * with the same payload is a silent no-op; a different payload is never an overwrite.
 *
 * @since 0.1.0
 */
public class DuplicateTaskKeyException extends SchedulerException {
  private static final long serialVersionUID = 1L;

  /** The {@code taskType} value. */
  private final String taskType;
  /** The {@code instanceKey} value. */
  private final String instanceKey;

  /**
   * Creates the exception.
   *
   * @param taskType the task type
   * @param instanceKey the conflicting instance key
   * @since 0.1.0
   */
  public DuplicateTaskKeyException(String taskType, String instanceKey) {
    super(
        "task "
            + taskType
            + ":"
            + instanceKey
            + " already exists with a different payload (same key, different payload is refused)");
    this.taskType = taskType;
    this.instanceKey = instanceKey;
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
   * Returns the instance key.
   *
   * @return the key
   * @since 0.1.0
   */
  public String instanceKey() {
    return instanceKey;
  }
}

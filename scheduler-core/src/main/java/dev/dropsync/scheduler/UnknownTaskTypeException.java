package dev.dropsync.scheduler;

/**
 * No {@link TaskHandler} is registered for a task type; raised when a schedule or task of that type
 * is created, so nothing is stored.
 *
 * @since 0.1.0
 */
public class UnknownTaskTypeException extends InvalidSchedulerArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param taskType the unknown type
   * @since 0.1.0
   */
  public UnknownTaskTypeException(String taskType) {
    super("taskType", taskType, "taskType \"" + taskType + "\" has no registered TaskHandler", true);
  }
}

package dev.dropsync.scheduler;

/**
 * No schedule (or task) exists with the given id.
 *
 * @since 0.1.0
 */
public class NoSuchScheduleException extends InvalidSchedulerArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param field {@code "scheduleId"} or {@code "taskId"}
   * @param id the unknown id
   * @since 0.1.0
   */
  public NoSuchScheduleException(String field, String id) {
    super(field, id, field + " \"" + id + "\" does not exist", true);
  }
}

package dev.dropsync.automation;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How one task type went for one tenant: tasks that finished in the window, plus the tasks waiting
 * or running now.
 *
 * @param taskType the type
 * @param completed tasks that completed in the window
 * @param failed tasks that failed permanently in the window
 * @param cancelled tasks cancelled in the window
 * @param retries retries recorded on the tasks that finished in the window
 * @param pending tasks waiting now (including scheduled retries)
 * @param running tasks running now
 * @param successRate completed ÷ (completed + failed); empty when none finished
 * @since 0.1.0
 */
public record TaskTypeHealth(
    String taskType,
    long completed,
    long failed,
    long cancelled,
    long retries,
    long pending,
    long running,
    OptionalDouble successRate) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a required component is null
   *
   * @param taskType see the record component
   * @param completed see the record component
   * @param failed see the record component
   * @param cancelled see the record component
   * @param retries see the record component
   * @param pending see the record component
   * @param running see the record component
   * @param successRate see the record component
   */
  public TaskTypeHealth {
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(successRate, "successRate");
  }
}

package dev.dropsync.automation;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The uptime of one schedule: how its finished runs went over its whole life.
 *
 * @param scheduleId the schedule
 * @param taskType its task type
 * @param active false while paused
 * @param succeeded runs that completed
 * @param failed runs that failed permanently
 * @param uptime succeeded ÷ (succeeded + failed); empty when no run has finished
 * @param lastRunAt when a run last finished, if ever
 * @param nextRunAt the next fire time, if any
 * @since 0.1.0
 */
public record ScheduleHealth(
    String scheduleId,
    String taskType,
    boolean active,
    long succeeded,
    long failed,
    OptionalDouble uptime,
    @Nullable Instant lastRunAt,
    @Nullable Instant nextRunAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a required component is null
   *
   * @param scheduleId see the record component
   * @param taskType see the record component
   * @param active see the record component
   * @param succeeded see the record component
   * @param failed see the record component
   * @param uptime see the record component
   * @param lastRunAt see the record component
   * @param nextRunAt see the record component
   */
  public ScheduleHealth {
    Objects.requireNonNull(scheduleId, "scheduleId");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(uptime, "uptime");
  }
}

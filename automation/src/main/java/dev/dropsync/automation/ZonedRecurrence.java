package dev.dropsync.automation;

import dev.dropsync.scheduler.Recurrence;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A recurrence in the tenant's own time zone: a {@link ScheduleTemplate} describes "daily at
 * 02:00", and each tenant gets it in its zone when the template is applied. Create with the
 * factories; each wraps the {@link Recurrence} factory of the same name. Implementations must be
 * pure functions of the zone.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ZonedRecurrence {

  /**
   * Returns the recurrence in {@code zone}.
   *
   * @param zone the tenant's zone
   * @return the recurrence
   * @since 0.1.0
   */
  Recurrence in(ZoneId zone);

  /**
   * Every hour at {@code minute} past the hour.
   *
   * @param minute 0-59
   * @return the recurrence
   * @since 0.1.0
   */
  static ZonedRecurrence hourly(int minute) {
    Recurrence.hourly(minute, ZoneId.of("UTC")); // validates now rather than at the first tenant
    return zone -> Recurrence.hourly(minute, zone);
  }

  /**
   * Every day at {@code time} in the tenant's zone (DST as in {@link Recurrence}).
   *
   * @param time the local time
   * @return the recurrence
   * @since 0.1.0
   */
  static ZonedRecurrence daily(LocalTime time) {
    Objects.requireNonNull(time, "time");
    return zone -> Recurrence.daily(time, zone);
  }

  /**
   * On the given days at {@code time} in the tenant's zone.
   *
   * @param days the days of the week
   * @param time the local time
   * @return the recurrence
   * @since 0.1.0
   */
  static ZonedRecurrence weekly(Set<DayOfWeek> days, LocalTime time) {
    Set<DayOfWeek> copy = EnumSet.copyOf(days);
    Objects.requireNonNull(time, "time");
    Recurrence.weekly(copy, time, ZoneId.of("UTC"));
    return zone -> Recurrence.weekly(copy, time, zone);
  }

  /**
   * A cron expression (Unix or Quartz) in the tenant's zone.
   *
   * @param expression the expression
   * @return the recurrence
   * @throws dev.dropsync.scheduler.InvalidCronExpressionException if the expression is invalid
   * @since 0.1.0
   */
  static ZonedRecurrence cron(String expression) {
    Recurrence.cron(expression, ZoneId.of("UTC"));
    return zone -> Recurrence.cron(expression, zone);
  }

  /**
   * A fixed rate, independent of the zone.
   *
   * @param interval the interval
   * @return the recurrence
   * @since 0.1.0
   */
  static ZonedRecurrence every(Duration interval) {
    Recurrence r = Recurrence.every(interval);
    return zone -> r;
  }
}

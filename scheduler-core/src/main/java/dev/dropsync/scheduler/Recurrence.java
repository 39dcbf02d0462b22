package dev.dropsync.scheduler;

import static dev.dropsync.scheduler.InvalidSchedulerArgumentException.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a schedule fires. Immutable and thread-safe. Create with the static factories:
 *
 * <pre>{@code
 * Recurrence.hourly(15, zone);                                  // every hour at :15
 * Recurrence.daily(LocalTime.of(2, 30), zone);                  // 02:30 every day
 * Recurrence.weekly(EnumSet.of(MONDAY, FRIDAY), LocalTime.NOON, zone);
 * Recurrence.monthly(15, LocalTime.of(9, 0), zone);             // the 15th
 * Recurrence.monthlyOnLastDay(LocalTime.of(23, 0), zone);
 * Recurrence.cron("0 0/15 9-17 ? * MON-FRI", zone);             // Quartz or Unix cron
 * Recurrence.every(Duration.ofMinutes(5));                       // fixed rate, zone independent
 * }</pre>
 *
 * <p><b>Daylight saving</b>: daily, weekly, monthly and cron recurrences describe wall-clock times
 * and follow {@link CronExpression}'s rules: a time inside a spring-forward gap fires once at the
 * first instant after the gap (02:30 on a New York spring-forward day fires at 03:00 EDT); a time
 * repeated by a fall-back fires once, at the earlier offset. {@link Hourly} instead fires once per
 * elapsed hour, so it also fires in the repeated hour. {@link Every} is pure elapsed time.
 *
 * <p>{@link #spec()} renders a recurrence to a single line that {@link #parse(String)} reads back, for
 * stores that persist schedules as text.
 *
 * @since 0.1.0
 */
public sealed interface Recurrence
    permits Recurrence.Hourly,
        Recurrence.Daily,
        Recurrence.Weekly,
        Recurrence.Monthly,
        Recurrence.Cron,
        Recurrence.Every {

  /**
   * Returns the first fire instant strictly after {@code after}.
   *
   * @param after exclusive lower bound
   * @return the next fire instant, or empty when the recurrence never fires again
   * @since 0.1.0
   */
  Optional<Instant> nextAfter(Instant after);

  /**
   * Returns a one-line text form, e.g. {@code daily 02:30 Europe/London}, that {@link
   * #parse(String)} reads back.
   *
   * @return the spec
   * @since 0.1.0
   */
  String spec();

  /**
   * Every hour at a minute of the local hour (second 0). Fires once per elapsed hour, including both
   * passes of a repeated fall-back hour.
   *
   * @param minute minute of the hour, 0-59
   * @param zone the zone (matters for half-hour offset zones)
   * @since 0.1.0
   */
  record Hourly(int minute, ZoneId zone) implements Recurrence {
    /**
     * Validates the components.
     *
     * @throws InvalidSchedulerArgumentException if minute is outside 0-59 or zone is null
     */
    public Hourly {
      if (minute < 0 || minute > 59) {
        throw new InvalidSchedulerArgumentException("minute", minute, "must be in 0-59");
      }
      requireNonNull("zone", zone);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
      ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
      ZonedDateTime candidate = t.withMinute(minute);
      if (!candidate.toInstant().isAfter(after)) {
        candidate = candidate.plusHours(1);
      }
      java.time.zone.ZoneOffsetTransition transition = zone.getRules().nextTransition(after);
      if (candidate.getMinute() == minute
          && (transition == null || transition.getInstant().isAfter(candidate.toInstant()))) {
        return Optional.of(candidate.toInstant());
      }
      // An offset change lies ahead: step through whole minutes of elapsed time.
      Instant step = t.toInstant();
      for (int i = 0; i < 60 * 48; i++) {
        step = step.plus(1, ChronoUnit.MINUTES);
        if (step.isAfter(after) && step.atZone(zone).getMinute() == minute) {
          return Optional.of(step);
        }
      }
      throw new IllegalStateException("no hourly fire found after " + after);
    }

    @Override
    public String spec() {
      return "hourly " + minute + " " + zone.getId();
    }
  }

  /**
   * Every day at a local time.
   *
   * @param time the local time (whole seconds)
   * @param zone the zone
   * @since 0.1.0
   */
  record Daily(LocalTime time, ZoneId zone) implements Recurrence {
    /**
     * Validates the components.
     *
     * @throws InvalidSchedulerArgumentException if a component is null or time has nanoseconds
     */
    public Daily {
      requireWholeSeconds(time);
      requireNonNull("zone", zone);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
      return cronOf(time, "*", "?").nextFireAfter(after, zone);
    }

    @Override
    public String spec() {
      return "daily " + time + " " + zone.getId();
    }
  }

  /**
   * Every week on some days at a local time.
   *
   * @param days the days of the week, not empty (copied)
   * @param time the local time (whole seconds)
   * @param zone the zone
   * @since 0.1.0
   */
  record Weekly(Set<DayOfWeek> days, LocalTime time, ZoneId zone) implements Recurrence {
    /**
     * Validates the components.
     *
     * @throws InvalidSchedulerArgumentException if days is empty or a component is null
     */
    public Weekly {
      if (days == null || days.isEmpty()) {
        throw new InvalidSchedulerArgumentException("days", days, "must not be empty");
      }
      days = Set.copyOf(EnumSet.copyOf(days));
      requireWholeSeconds(time);
      requireNonNull("zone", zone);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
      String dow =
          EnumSet.copyOf(days).stream()
              .map(d -> d.name().substring(0, 3))
              .collect(Collectors.joining(","));
      return cronOf(time, "?", dow).nextFireAfter(after, zone);
    }

    @Override
    public String spec() {
      return "weekly "
          + EnumSet.copyOf(days).stream().map(Enum::name).collect(Collectors.joining(","))
          + " "
          + time
          + " "
          + zone.getId();
    }
  }

  /**
   * Every month on a day (1-31, or {@link #LAST_DAY}) at a local time. Months without that day
   * (e.g. the 31st in April) are skipped; use {@link Recurrence#monthlyOnLastDay} for month ends.
   *
   * @param dayOfMonth 1-31, or {@link #LAST_DAY} (0)
   * @param time the local time (whole seconds)
   * @param zone the zone
   * @since 0.1.0
   */
  record Monthly(int dayOfMonth, LocalTime time, ZoneId zone) implements Recurrence {
    /** The {@code dayOfMonth} value meaning the last day of each month. */
    public static final int LAST_DAY = 0;

    /**
     * Validates the components.
     *
     * @throws InvalidSchedulerArgumentException if dayOfMonth is outside 0-31 or a component is
     *     null
     */
    public Monthly {
      if (dayOfMonth < 0 || dayOfMonth > 31) {
        throw new InvalidSchedulerArgumentException(
            "dayOfMonth", dayOfMonth, "must be 1-31 or LAST_DAY (0)");
      }
      requireWholeSeconds(time);
      requireNonNull("zone", zone);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
      return cronOf(time, dayOfMonth == LAST_DAY ? "L" : Integer.toString(dayOfMonth), "?")
          .nextFireAfter(after, zone);
    }

    @Override
    public String spec() {
      return "monthly " + (dayOfMonth == LAST_DAY ? "L" : dayOfMonth) + " " + time + " " + zone.getId();
    }
  }

  /**
   * A cron expression in a zone.
   *
   * @param expression the parsed expression
   * @param zone the zone
   * @since 0.1.0
   */
  record Cron(CronExpression expression, ZoneId zone) implements Recurrence {
    /**
     * Validates the components.
     *
     * @throws InvalidSchedulerArgumentException if a component is null
     */
    public Cron {
      requireNonNull("expression", expression);
      requireNonNull("zone", zone);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
      return expression.nextFireAfter(after, zone);
    }

    @Override
    public String spec() {
      return "cron " + zone.getId() + " " + expression.expression().strip();
    }
  }

  /**
   * A fixed interval of elapsed time: the next fire is {@code after + interval}.
   *
   * @param interval the interval, positive
   * @since 0.1.0
   */
  record Every(Duration interval) implements Recurrence {
    /**
     * Validates the interval.
     *
     * @throws InvalidSchedulerArgumentException if interval is null, zero or negative
     */
    public Every {
      InvalidSchedulerArgumentException.requirePositive("interval", interval);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
      return Optional.of(after.plus(interval));
    }

    @Override
    public String spec() {
      return "every " + interval;
    }
  }

  /**
   * Every hour at {@code minute}; see {@link Hourly}.
   *
   * @param minute 0-59
   * @param zone the zone
   * @return the recurrence
   * @throws InvalidSchedulerArgumentException if minute is out of range
   * @since 0.1.0
   */
  static Recurrence hourly(int minute, ZoneId zone) {
    return new Hourly(minute, zone);
  }

  /**
   * Every day at {@code time}; see {@link Daily}.
   *
   * @param time local time
   * @param zone the zone
   * @return the recurrence
   * @throws InvalidSchedulerArgumentException if an argument is null or has nanoseconds
   * @since 0.1.0
   */
  static Recurrence daily(LocalTime time, ZoneId zone) {
    return new Daily(time, zone);
  }

  /**
   * Every week on {@code days} at {@code time}; see {@link Weekly}.
   *
   * @param days days of the week, not empty
   * @param time local time
   * @param zone the zone
   * @return the recurrence
   * @throws InvalidSchedulerArgumentException if days is empty or an argument is null
   * @since 0.1.0
   */
  static Recurrence weekly(Set<DayOfWeek> days, LocalTime time, ZoneId zone) {
    return new Weekly(days, time, zone);
  }

  /**
   * Every month on {@code dayOfMonth} (1-31) at {@code time}; see {@link Monthly}.
   *
   * @param dayOfMonth 1-31
   * @param time local time
   * @param zone the zone
   * @return the recurrence
   * @throws InvalidSchedulerArgumentException if dayOfMonth is outside 1-31
   * @since 0.1.0
   */
  static Recurrence monthly(int dayOfMonth, LocalTime time, ZoneId zone) {
    if (dayOfMonth == Monthly.LAST_DAY) {
      throw new InvalidSchedulerArgumentException("dayOfMonth", dayOfMonth, "must be 1-31");
    }
    return new Monthly(dayOfMonth, time, zone);
  }

  /**
   * Every month on its last day at {@code time}.
   *
   * @param time local time
   * @param zone the zone
   * @return the recurrence
   * @since 0.1.0
   */
  static Recurrence monthlyOnLastDay(LocalTime time, ZoneId zone) {
    return new Monthly(Monthly.LAST_DAY, time, zone);
  }

  /**
   * A cron expression (Unix 5-field or Quartz 6/7-field) in {@code zone}.
   *
   * @param expression the expression, see {@link CronExpression}
   * @param zone the zone
   * @return the recurrence
   * @throws InvalidCronExpressionException if the expression is malformed
   * @since 0.1.0
   */
  static Recurrence cron(String expression, ZoneId zone) {
    return new Cron(CronExpression.parse(expression), zone);
  }

  /**
   * A fixed interval of elapsed time.
   *
   * @param interval positive interval
   * @return the recurrence
   * @throws InvalidSchedulerArgumentException if interval is zero or negative
   * @since 0.1.0
   */
  static Recurrence every(Duration interval) {
    return new Every(interval);
  }

  /**
   * Reads a {@link #spec()} back.
   *
   * @param spec the text produced by {@link #spec()}
   * @return the recurrence
   * @throws InvalidSchedulerArgumentException if the text is not a valid spec
   * @since 0.1.0
   */
  static Recurrence parse(String spec) {
    String[] parts = spec.strip().split("\\s+", 3);
    try {
      switch (parts[0].toLowerCase(Locale.ROOT)) {
        case "hourly":
          return hourly(Integer.parseInt(parts[1]), ZoneId.of(parts[2]));
        case "daily":
          return daily(LocalTime.parse(parts[1]), ZoneId.of(parts[2]));
        case "weekly":
          {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : parts[1].split(",")) {
              days.add(DayOfWeek.valueOf(d));
            }
            String[] rest = parts[2].split("\\s+");
            return weekly(days, LocalTime.parse(rest[0]), ZoneId.of(rest[1]));
          }
        case "monthly":
          {
            String[] rest = parts[2].split("\\s+");
            return parts[1].equals("L")
                ? monthlyOnLastDay(LocalTime.parse(rest[0]), ZoneId.of(rest[1]))
                : monthly(Integer.parseInt(parts[1]), LocalTime.parse(rest[0]), ZoneId.of(rest[1]));
          }
        case "cron":
          return cron(parts[2], ZoneId.of(parts[1]));
        case "every":
          return every(Duration.parse(parts[1]));
        default:
          throw new InvalidSchedulerArgumentException("spec", spec, "must start with a known kind");
      }
    } catch (RuntimeException e) {
      if (e instanceof InvalidSchedulerArgumentException) {
        throw e;
      }
      throw new InvalidSchedulerArgumentException("spec", spec, "must be a valid recurrence spec");
    }
  }

  private static void requireWholeSeconds(LocalTime time) {
    requireNonNull("time", time);
    if (time.getNano() != 0) {
      throw new InvalidSchedulerArgumentException("time", time, "must be whole seconds");
    }
  }

  private static CronExpression cronOf(LocalTime time, String dom, String dow) {
    return dev.dropsync.scheduler.internal.CronCache.get(
        time.getSecond() + " " + time.getMinute() + " " + time.getHour() + " " + dom + " * " + dow);
  }
}

package dev.dropsync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

  private static final ZoneId NY = ZoneId.of("America/New_York");

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static List<Instant> fires(Recurrence r, Instant from, Instant until) {
    List<Instant> out = new ArrayList<>();
    Instant t = from;
    while (true) {
      Instant next = r.nextAfter(t).orElseThrow();
      if (next.isAfter(until)) {
        return out;
      }
      out.add(next);
      t = next;
    }
  }

  @Test
  void dailyRunsOnceOnSpringForwardAtTheFirstInstantAfterTheGap() {
    Recurrence daily = Recurrence.daily(LocalTime.of(2, 30), NY);
    assertThat(fires(daily, at("2024-03-09T00:00-05:00"), at("2024-03-11T23:00-04:00")))
        .containsExactly(
            at("2024-03-09T02:30-05:00"), at("2024-03-10T03:00-04:00"), at("2024-03-11T02:30-04:00"));
  }

  @Test
  void dailyRunsOnceOnFallBackAtTheEarlierOffset() {
    Recurrence daily = Recurrence.daily(LocalTime.of(1, 30), NY);
    assertThat(fires(daily, at("2024-11-02T00:00-04:00"), at("2024-11-04T23:00-05:00")))
        .containsExactly(
            at("2024-11-02T01:30-04:00"), at("2024-11-03T01:30-04:00"), at("2024-11-04T01:30-05:00"));
  }

  @Test
  void hourlyFiresEveryElapsedHourIncludingTheRepeatedOne() {
    Recurrence hourly = Recurrence.hourly(30, NY);
    List<Instant> f = fires(hourly, at("2024-11-03T00:00-04:00"), at("2024-11-03T03:00-05:00"));
    assertThat(f)
        .containsExactly(
            at("2024-11-03T00:30-04:00"),
            at("2024-11-03T01:30-04:00"),
            at("2024-11-03T01:30-05:00"),
            at("2024-11-03T02:30-05:00"));
    List<Instant> spring = fires(hourly, at("2024-03-10T00:00-05:00"), at("2024-03-10T04:00-04:00"));
    assertThat(spring)
        .containsExactly(
            at("2024-03-10T00:30-05:00"), at("2024-03-10T01:30-05:00"), at("2024-03-10T03:30-04:00"));
  }

  @Test
  void hourlyInAHalfHourShiftZoneKeepsTheLocalMinute() {
    ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
    List<Instant> f =
        fires(Recurrence.hourly(45, lordHowe), at("2024-10-06T00:00+10:30"), at("2024-10-06T04:00+11:00"));
    assertThat(f).allMatch(i -> i.atZone(lordHowe).getMinute() == 45);
    assertThat(f)
        .containsExactly(
            at("2024-10-06T00:45+10:30"),
            at("2024-10-06T01:45+10:30"),
            at("2024-10-06T02:45+11:00"),
            at("2024-10-06T03:45+11:00"));
  }

  @Test
  void weeklyAndMonthlyKinds() {
    ZoneId utc = ZoneId.of("UTC");
    Recurrence weekly =
        Recurrence.weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), utc);
    assertThat(fires(weekly, at("2026-01-01T00:00Z"), at("2026-01-10T00:00Z")))
        .containsExactly(at("2026-01-02T09:00Z"), at("2026-01-05T09:00Z"), at("2026-01-09T09:00Z"));
    Recurrence lastDay = Recurrence.monthlyOnLastDay(LocalTime.of(23, 0), utc);
    assertThat(fires(lastDay, at("2028-01-15T00:00Z"), at("2028-04-01T00:00Z")))
        .containsExactly(at("2028-01-31T23:00Z"), at("2028-02-29T23:00Z"), at("2028-03-31T23:00Z"));
    Recurrence the31st = Recurrence.monthly(31, LocalTime.NOON, utc);
    assertThat(fires(the31st, at("2026-03-01T00:00Z"), at("2026-06-01T00:00Z")))
        .containsExactly(at("2026-03-31T12:00Z"), at("2026-05-31T12:00Z"));
  }

  @Test
  void everyIsElapsedTime() {
    Recurrence every = Recurrence.every(Duration.ofMinutes(90));
    assertThat(every.nextAfter(at("2024-11-03T00:30-04:00"))).contains(at("2024-11-03T02:00-04:00"));
  }

  @Test
  void specsRoundTrip() {
    ZoneId london = ZoneId.of("Europe/London");
    List<Recurrence> all =
        List.of(
            Recurrence.hourly(5, london),
            Recurrence.daily(LocalTime.of(2, 30), london),
            Recurrence.weekly(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY), LocalTime.of(7, 15, 30), london),
            Recurrence.monthly(15, LocalTime.NOON, london),
            Recurrence.monthlyOnLastDay(LocalTime.MIDNIGHT, london),
            Recurrence.cron("0 0/15 9-17 ? * MON-FRI", london),
            Recurrence.every(Duration.ofSeconds(42)));
    for (Recurrence r : all) {
      assertThat(Recurrence.parse(r.spec())).as(r.spec()).isEqualTo(r);
    }
    assertThatThrownBy(() -> Recurrence.parse("fortnightly 3"))
        .isInstanceOf(InvalidSchedulerArgumentException.class)
        .hasMessageContaining("fortnightly 3");
  }

  @Test
  void badArgumentsNameTheFieldAndValue() {
    assertThatThrownBy(() -> Recurrence.every(Duration.ZERO))
        .isInstanceOf(InvalidSchedulerArgumentException.class)
        .hasMessage("interval must be positive but was PT0S");
    assertThatThrownBy(() -> Recurrence.every(Duration.ofSeconds(-5)))
        .isInstanceOf(InvalidSchedulerArgumentException.class)
        .hasMessageContaining("interval")
        .hasMessageContaining("PT-5S");
    assertThatThrownBy(() -> Recurrence.hourly(60, NY))
        .isInstanceOf(InvalidSchedulerArgumentException.class)
        .hasMessage("minute must be in 0-59 but was 60");
    assertThatThrownBy(() -> Recurrence.monthly(32, LocalTime.NOON, NY))
        .hasMessageContaining("dayOfMonth");
    assertThatThrownBy(() -> Recurrence.weekly(EnumSet.noneOf(DayOfWeek.class), LocalTime.NOON, NY))
        .hasMessageContaining("days");
    assertThatThrownBy(() -> Recurrence.cron("0 0 32 * *", NY))
        .isInstanceOf(InvalidCronExpressionException.class);
  }
}

package dev.dropsync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hard next-fire cases: DST gaps and overlaps in several zones (including a 30-minute shift and
 * midnight gaps), leap days, month ends, L/W/#, years and year boundaries. Times are written with
 * their offset; "-" means never. {@code following} is the fire after {@code expected}.
 */
class CronNextFireTableTest {

  @ParameterizedTest(name = "[{index}] {0} in {1} after {2} -> {3}, then {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # expression         | zone                | after                      | expected                   | following
          # New York spring forward 2024-03-10 02:00 EST -> 03:00 EDT: 02:30 runs once at 03:00 EDT
          0 30 2 * * ?         | America/New_York    | 2024-03-09T12:00-05:00     | 2024-03-10T03:00-04:00     | 2024-03-11T02:30-04:00
          30 2 * * *           | America/New_York    | 2024-03-10T01:59:59-05:00  | 2024-03-10T03:00-04:00     | 2024-03-11T02:30-04:00
          */15 * * * *         | America/New_York    | 2024-03-10T01:50-05:00     | 2024-03-10T03:00-04:00     | 2024-03-10T03:15-04:00
          # New York fall back 2024-11-03 02:00 EDT -> 01:00 EST: 01:30 runs once, at the EDT offset
          30 1 * * *           | America/New_York    | 2024-11-02T12:00-04:00     | 2024-11-03T01:30-04:00     | 2024-11-04T01:30-05:00
          */15 * * * *         | America/New_York    | 2024-11-03T01:45-04:00     | 2024-11-03T02:00-05:00     | 2024-11-03T02:15-05:00
          */15 * * * *         | America/New_York    | 2024-11-03T01:10-05:00     | 2024-11-03T02:00-05:00     | 2024-11-03T02:15-05:00
          # London 2024-03-31 01:00 GMT -> 02:00 BST and 2024-10-27 02:00 BST -> 01:00 GMT
          0 30 1 * * ?         | Europe/London       | 2024-03-30T12:00Z          | 2024-03-31T02:00+01:00     | 2024-04-01T01:30+01:00
          0 30 1 * * ?         | Europe/London       | 2024-10-26T12:00Z          | 2024-10-27T01:30+01:00     | 2024-10-28T01:30Z
          # Sydney 2024-04-07 03:00 AEDT -> 02:00 AEST and 2024-10-06 02:00 AEST -> 03:00 AEDT
          0 30 2 * * ?         | Australia/Sydney    | 2024-04-06T12:00+11:00     | 2024-04-07T02:30+11:00     | 2024-04-08T02:30+10:00
          0 30 2 * * ?         | Australia/Sydney    | 2024-10-05T12:00+10:00     | 2024-10-06T03:00+11:00     | 2024-10-07T02:30+11:00
          # Lord Howe: 30-minute shifts (gap 02:00-02:30, overlap 01:30-02:00)
          0 15 2 * * ?         | Australia/Lord_Howe | 2024-10-05T12:00+10:30     | 2024-10-06T02:30+11:00     | 2024-10-07T02:15+11:00
          0 45 1 * * ?         | Australia/Lord_Howe | 2024-04-06T12:00+11:00     | 2024-04-07T01:45+11:00     | 2024-04-08T01:45+10:30
          # Cairo: midnight gap 2024-04-26 00:00 -> 01:00, overlap 2024-11-01 00:00 -> 2024-10-31 23:00
          0 0 * * *            | Africa/Cairo        | 2024-04-25T12:00+02:00     | 2024-04-26T01:00+03:00     | 2024-04-27T00:00+03:00
          0 30 23 * * ?        | Africa/Cairo        | 2024-10-31T12:00+03:00     | 2024-10-31T23:30+03:00     | 2024-11-01T23:30+02:00
          # Havana: midnight gap 2024-03-10 00:00 -> 01:00
          0 0 * * *            | America/Havana      | 2024-03-09T12:00-05:00     | 2024-03-10T01:00-04:00     | 2024-03-11T00:00-04:00
          # leap days, month ends, L, LW, W, #, nL
          0 0 29 2 *           | UTC                 | 2024-03-01T00:00Z          | 2028-02-29T00:00Z          | 2032-02-29T00:00Z
          0 0 29 2 *           | UTC                 | 2023-01-01T00:00Z          | 2024-02-29T00:00Z          | 2028-02-29T00:00Z
          0 0 0 L * ?          | UTC                 | 2024-02-10T00:00Z          | 2024-02-29T00:00Z          | 2024-03-31T00:00Z
          0 0 0 L * ?          | UTC                 | 2023-02-10T00:00Z          | 2023-02-28T00:00Z          | 2023-03-31T00:00Z
          0 0 0 L-2 * ?        | UTC                 | 2023-02-10T00:00Z          | 2023-02-26T00:00Z          | 2023-03-29T00:00Z
          0 0 31 * *           | UTC                 | 2024-04-01T00:00Z          | 2024-05-31T00:00Z          | 2024-07-31T00:00Z
          0 0 12 LW * ?        | UTC                 | 2024-08-01T00:00Z          | 2024-08-30T12:00Z          | 2024-09-30T12:00Z
          0 0 12 15W * ?       | UTC                 | 2024-06-01T00:00Z          | 2024-06-14T12:00Z          | 2024-07-15T12:00Z
          0 0 12 15W * ?       | UTC                 | 2024-09-01T00:00Z          | 2024-09-16T12:00Z          | 2024-10-15T12:00Z
          0 0 12 1W * ?        | UTC                 | 2024-05-15T00:00Z          | 2024-06-03T12:00Z          | 2024-07-01T12:00Z
          0 0 12 31W * ?       | UTC                 | 2024-08-01T00:00Z          | 2024-08-30T12:00Z          | 2024-10-31T12:00Z
          0 0 12 ? * 5#3       | UTC                 | 2024-11-01T00:00Z          | 2024-11-21T12:00Z          | 2024-12-19T12:00Z
          0 0 12 ? * THU#5     | UTC                 | 2024-11-01T00:00Z          | 2025-01-30T12:00Z          | 2025-05-29T12:00Z
          0 0 12 ? * 6L        | UTC                 | 2024-11-01T00:00Z          | 2024-11-29T12:00Z          | 2024-12-27T12:00Z
          0 12 * * 5L          | UTC                 | 2024-11-01T00:00Z          | 2024-11-29T12:00Z          | 2024-12-27T12:00Z
          # years and year boundaries
          59 59 23 31 12 ?     | UTC                 | 2024-12-31T23:59:59Z       | 2025-12-31T23:59:59Z       | 2026-12-31T23:59:59Z
          0 0 1 1 *            | UTC                 | 2024-12-31T23:00Z          | 2025-01-01T00:00Z          | 2026-01-01T00:00Z
          0 0 0 1 1 ? 2030,2032| UTC                 | 2024-06-01T00:00Z          | 2030-01-01T00:00Z          | 2032-01-01T00:00Z
          0 0 0 1 1 ? 2030     | UTC                 | 2030-01-01T00:00Z          | -                          | -
          0 0 30 2 *           | UTC                 | 2024-01-01T00:00Z          | -                          | -
          0 0 1 JAN *          | Pacific/Auckland    | 2024-12-31T10:00Z          | 2025-01-01T00:00+13:00     | 2026-01-01T00:00+13:00
          # POSIX day rule, Unix Sunday 7, names, wrap-around ranges, seconds steps
          0 0 13 * FRI         | UTC                 | 2024-09-01T00:00Z          | 2024-09-06T00:00Z          | 2024-09-13T00:00Z
          0 9 * * 7            | UTC                 | 2024-09-02T00:00Z          | 2024-09-08T09:00Z          | 2024-09-15T09:00Z
          0 0 * * FRI-MON      | UTC                 | 2024-09-03T00:00Z          | 2024-09-06T00:00Z          | 2024-09-07T00:00Z
          0 22-2 * * *         | UTC                 | 2024-09-03T02:30Z          | 2024-09-03T22:00Z          | 2024-09-03T23:00Z
          */20 * * * * ?       | UTC                 | 2024-01-01T00:00:05Z       | 2024-01-01T00:00:20Z       | 2024-01-01T00:00:40Z
          0 0/25 * * * ?       | UTC                 | 2024-01-01T00:51Z          | 2024-01-01T01:00Z          | 2024-01-01T01:25Z
          @weekly              | UTC                 | 2024-09-03T00:00Z          | 2024-09-08T00:00Z          | 2024-09-15T00:00Z
          """)
  void nextFireTimes(
      String expression, String zone, String after, String expected, String following) {
    CronExpression cron = CronExpression.parse(expression);
    ZoneId z = ZoneId.of(zone);
    Optional<Instant> next = cron.nextFireAfter(parse(after), z);
    if (expected.equals("-")) {
      assertThat(next).isEmpty();
      return;
    }
    assertThat(next).contains(parse(expected));
    Optional<Instant> then = cron.nextFireAfter(parse(expected), z);
    if (following.equals("-")) {
      assertThat(then).isEmpty();
    } else {
      assertThat(then).contains(parse(following));
    }
  }

  private static Instant parse(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}

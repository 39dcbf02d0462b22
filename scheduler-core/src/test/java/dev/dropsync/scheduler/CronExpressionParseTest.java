package dev.dropsync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionParseTest {

  @ParameterizedTest(name = "\"{0}\" -> field {1} ({2}) at offset {3}: {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0 0 32 * *          | 2  | day-of-month | 4  | day-of-month value 32 is out of range 1-31
          60 * * * *          | 0  | minute       | 0  | minute value 60 is out of range 0-59
          0 24 * * *          | 1  | hour         | 2  | hour value 24 is out of range 0-23
          0 0 * 13 *          | 3  | month        | 6  | month value 13 is out of range 1-12
          0 0 * * 8           | 4  | day-of-week  | 8  | day-of-week value 8 is out of range 0-7
          0 0 0 ? * 0         | 5  | day-of-week  | 10 | day-of-week value 0 is out of range 1-7
          0 0 * * 0 ?         | 4  | month        | 8  | month value 0 is out of range 1-12
          */0 * * * *         | 0  | minute       | 2  | step must be >= 1
          0 0 ? * * 1         | 2  | hour         | 4  | '?' is only allowed
          0 0 1 FOO *         | 3  | month        | 6  | unknown month name FOO
          0 0 * * MON-XYZ     | 4  | day-of-week  | 12 | unknown day-of-week name XYZ
          0 0 * * 1#6         | 4  | day-of-week  | 10 | '#' occurrence 6 is out of range 1-5
          0 0 1,,2 * *        | 2  | day-of-month | 6  | empty list element
          0 0 L-31 * ?        | 2  | day-of-month | 6  | L-n offset 31 is out of range 0-30
          0 0 1 1 * ? 1969    | 6  | year         | 12 | year value 1969 is out of range 1970-2199
          0 0 1x * *          | 2  | day-of-month | 5  | unexpected character 'x'
          * * * *             | -1 | expression   | 7  | expected 5 (Unix) or 6-7 (Quartz) fields but found 4
          * * * * * * * *     | -1 | expression   | 14 | expected 5 (Unix) or 6-7 (Quartz) fields but found 8
          @fortnightly        | -1 | expression   | 0  | unknown macro @fortnightly
          """)
  void invalidExpressionsNameFieldOffsetAndReason(
      String expression, int field, String fieldName, int offset, String reason) {
    InvalidCronExpressionException e =
        catchThrowableOfType(
            InvalidCronExpressionException.class, () -> CronExpression.parse(expression));
    assertThat(e).as(expression).isNotNull();
    assertThat(e.fieldIndex()).isEqualTo(field);
    assertThat(e.fieldName()).isEqualTo(fieldName);
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.reason()).contains(reason);
    assertThat(e.getMessage()).contains(expression).contains(reason).contains("offset " + offset);
    assertThat(e.field()).isEqualTo("cron");
    assertThat(e.value()).isEqualTo(expression);
  }

  @Test
  void blankExpressionIsRejected() {
    InvalidCronExpressionException e =
        catchThrowableOfType(InvalidCronExpressionException.class, () -> CronExpression.parse("  "));
    assertThat(e).isNotNull();
    assertThat(e.reason()).contains("blank");
  }

  @Test
  void namesAreCaseInsensitiveAndMatchNumbers() {
    CronExpression names = CronExpression.parse("0 9 * jan-Mar mon-fri");
    CronExpression numbers = CronExpression.parse("0 9 * 1-3 1-5");
    LocalDateTime t = LocalDateTime.of(2026, 1, 1, 0, 0);
    for (int i = 0; i < 24 * 120; i++) {
      LocalDateTime h = t.plusHours(i);
      assertThat(names.matches(h)).as(h.toString()).isEqualTo(numbers.matches(h));
    }
  }

  @Test
  void quartzAndUnixDayNumbersDiffer() {
    // 2026-01-05 is a Monday: Unix 1, Quartz 2
    LocalDateTime monday = LocalDateTime.of(2026, 1, 5, 0, 0);
    assertThat(CronExpression.parse("0 0 * * 1").matches(monday)).isTrue();
    assertThat(CronExpression.parse("0 0 0 ? * 2").matches(monday)).isTrue();
    assertThat(CronExpression.parse("0 0 0 ? * 1").matches(monday)).isFalse();
    assertThat(CronExpression.parse("0 0 * * 0").isQuartz()).isFalse();
    assertThat(CronExpression.parse("0 0 0 * * ?").isQuartz()).isTrue();
  }

  @Test
  void macrosExpand() {
    assertThat(CronExpression.parse("@daily").matches(LocalDateTime.of(2026, 1, 5, 0, 0))).isTrue();
    assertThat(CronExpression.parse("@hourly").matches(LocalDateTime.of(2026, 1, 5, 7, 0))).isTrue();
    assertThat(CronExpression.parse("@monthly").matches(LocalDateTime.of(2026, 1, 5, 0, 0))).isFalse();
    assertThat(CronExpression.parse("@yearly").matches(LocalDateTime.of(2026, 1, 1, 0, 0))).isTrue();
  }

  @Test
  void equalityFollowsTheSourceText() {
    assertThat(CronExpression.parse("0 0 * * *")).isEqualTo(CronExpression.parse("0 0 * * *"));
    assertThat(CronExpression.parse("0 0 * * *").toString()).isEqualTo("0 0 * * *");
  }
}

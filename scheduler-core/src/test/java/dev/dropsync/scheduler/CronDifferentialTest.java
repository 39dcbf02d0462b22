package dev.dropsync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Randomised differential test: the cron engine ({@link CronExpression#nextFireAfter}) against a
 * separately written brute-force reference. The generator builds each expression from a model and
 * renders it to text; the reference never parses the text. It evaluates the model directly and
 * steps through elapsed time minute by minute (second by second inside matching minutes), jumping
 * only over non-matching local days and hours and never across an offset transition, with the same
 * documented DST rules stated independently: an instant fires when its local time matches and it is
 * the earlier occurrence of that local time; a gap's transition instant fires when any local time
 * inside the gap matches.
 */
class CronDifferentialTest {

  private static final String[] ZONES = {
    "UTC", "America/New_York", "Europe/London", "Australia/Sydney", "Australia/Lord_Howe",
    "Africa/Cairo", "America/Havana", "America/Santiago", "Asia/Kolkata", "Pacific/Chatham"
  };
  private static final String[] MONTHS = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
  };
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

  @Test
  void engineAgreesWithBruteForceReference() {
    long seed = System.getProperty("cron.seed") != null
        ? Long.parseLong(System.getProperty("cron.seed"))
        : 20261125L;
    SplittableRandom random = new SplittableRandom(seed);
    int cases = 3000;
    for (int i = 0; i < cases; i++) {
      long caseSeed = random.nextLong();
      runCase(caseSeed, i, seed);
    }
  }

  private void runCase(long caseSeed, int index, long seed) {
    SplittableRandom r = new SplittableRandom(caseSeed);
    Model model = Model.random(r);
    String expression = model.render();
    ZoneId zone = ZoneId.of(ZONES[r.nextInt(ZONES.length)]);
    Instant after = randomStart(r, zone);
    Instant horizon = after.atZone(ZoneOffset.UTC).plusYears(8).toInstant();
    String context =
        "seed=" + seed + " case=" + index + " caseSeed=" + caseSeed + " expr=\"" + expression
            + "\" zone=" + zone + " after=" + after;
    CronExpression cron = CronExpression.parse(expression);
    Instant cursor = after;
    // compare a short run of consecutive fires
    for (int k = 0; k < 3; k++) {
      Optional<Instant> engine = cron.nextFireAfter(cursor, zone);
      Instant reference = referenceNext(model, zone, cursor, horizon);
      if (reference == null) {
        assertThat(engine.filter(t -> t.isBefore(horizon)))
            .as(context + " step " + k + ": reference found nothing before " + horizon)
            .isEmpty();
        return;
      }
      assertThat(engine).as(context + " step " + k + " after " + cursor).contains(reference);
      cursor = reference;
    }
  }

  private static Instant randomStart(SplittableRandom r, ZoneId zone) {
    Instant base =
        LocalDateTime.of(2019 + r.nextInt(16), 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60))
            .toInstant(ZoneOffset.UTC);
    if (r.nextBoolean()) {
      ZoneOffsetTransition t = zone.getRules().nextTransition(base);
      if (t != null) {
        // land near a transition: within +-3 hours, whole minutes or seconds
        return t.getInstant().plusSeconds(r.nextInt(-3 * 3600, 3 * 3600 + 1));
      }
    }
    return base;
  }

  // ------------------------------------------------------------------ reference computation

  private static @Nullable Instant referenceNext(
      Model m, ZoneId zone, Instant after, Instant horizon) {
    ZoneRules rules = zone.getRules();
    Instant t = Instant.ofEpochSecond(Math.floorDiv(after.getEpochSecond(), 60) * 60);
    while (t.isBefore(horizon)) {
      ZoneOffsetTransition next = rules.nextTransition(t.minusSeconds(1));
      Instant cap = next == null ? Instant.MAX : next.getInstant();
      if (next != null && next.getInstant().equals(t) && next.isGap() && t.isAfter(after)) {
        for (LocalDateTime l = next.getDateTimeBefore();
            l.isBefore(next.getDateTimeAfter());
            l = l.plusSeconds(1)) {
          if (m.matches(l)) {
            return t;
          }
        }
      }
      ZonedDateTime z = t.atZone(zone);
      LocalDateTime local = z.toLocalDateTime();
      if (!m.dayMatches(local.toLocalDate())) {
        Instant nextDay = local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        t = earliestAfter(t, nextDay, cap);
        continue;
      }
      if (!m.hours.test(local.getHour())) {
        Instant nextHour = t.plusSeconds(60L * (60 - local.getMinute()));
        t = earliestAfter(t, nextHour, cap);
        continue;
      }
      if (m.minutes.test(local.getMinute()) && isEarlierOccurrence(rules, local, z.getOffset())) {
        for (int s = 0; s < 60; s++) {
          Instant candidate = t.plusSeconds(s);
          if (m.seconds.test(s) && candidate.isAfter(after) && candidate.isBefore(cap)) {
            return candidate;
          }
        }
      }
      t = earliestAfter(t, t.plusSeconds(60), cap);
    }
    return null;
  }

  private static Instant earliestAfter(Instant now, Instant jump, Instant cap) {
    Instant target = jump.isAfter(cap) ? cap : jump;
    return target.isAfter(now) ? target : now.plusSeconds(60);
  }

  private static boolean isEarlierOccurrence(ZoneRules rules, LocalDateTime local, ZoneOffset offset) {
    List<ZoneOffset> valid = rules.getValidOffsets(local);
    if (valid.size() < 2) {
      return true;
    }
    int max = Math.max(valid.get(0).getTotalSeconds(), valid.get(1).getTotalSeconds());
    return offset.getTotalSeconds() == max;
  }

  // ------------------------------------------------------------------ the model

  /** One generated expression: text parts plus predicates evaluated without the parser. */
  private static final class Model {
    boolean quartz;
    String secondsText = "0";
    IntPredicate seconds = s -> s == 0;
    String minutesText = "*";
    IntPredicate minutes = x -> true;
    String hoursText = "*";
    IntPredicate hours = x -> true;
    String monthsText = "*";
    IntPredicate months = x -> true;
    @Nullable String yearsText;
    IntPredicate years = x -> true;
    String domText = "*";
    boolean domStar = true;
    DayRule dom = (d, len, dow) -> true;
    String dowText = "*";
    boolean dowStar = true;
    DayRule dow = (d, len, w) -> true;

    interface DayRule {
      boolean test(LocalDate date, int length, DayOfWeek dayOfWeek);
    }

    static Model random(SplittableRandom r) {
      Model m = new Model();
      m.quartz = r.nextInt(3) > 0;
      if (m.quartz) {
        Field f = numeric(r, 0, 59, r.nextInt(4) == 0 ? 0.5 : 0.1);
        m.secondsText = f.text;
        m.seconds = f.test;
      }
      Field minute = numeric(r, 0, 59, 0.3);
      m.minutesText = minute.text;
      m.minutes = minute.test;
      Field hour = numeric(r, 0, 23, 0.3);
      m.hoursText = hour.text;
      m.hours = hour.test;
      Field month = numeric(r, 1, 12, 0.6);
      if (r.nextInt(4) == 0) {
        int a = 1 + r.nextInt(12);
        month = new Field(MONTHS[a - 1], x -> x == a);
      }
      m.monthsText = month.text;
      m.months = month.test;
      m.randomDays(r);
      if (m.quartz && r.nextInt(5) == 0) {
        int a = 2019 + r.nextInt(20);
        int b = a + r.nextInt(6);
        m.yearsText = a + "-" + b;
        m.years = y -> y >= a && y <= b;
      }
      return m;
    }

    private void randomDays(SplittableRandom r) {
      int kind = r.nextInt(10);
      // day-of-month
      if (kind < 4) {
        domStar = true;
        domText = quartz ? "?" : "*";
      } else {
        domStar = false;
        List<String> parts = new ArrayList<>();
        List<DayRule> rules = new ArrayList<>();
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
          int which = r.nextInt(7);
          if (which == 0) {
            parts.add("L");
            rules.add((d, len, w) -> d.getDayOfMonth() == len);
          } else if (which == 1) {
            int off = r.nextInt(10);
            parts.add("L-" + off);
            rules.add((d, len, w) -> d.getDayOfMonth() == len - off);
          } else if (which == 2) {
            parts.add("LW");
            rules.add((d, len, w) -> d.getDayOfMonth() == lastWeekday(d, len));
          } else if (which == 3) {
            int day = 1 + r.nextInt(31);
            parts.add(day + "W");
            rules.add((d, len, w) -> day <= len && d.getDayOfMonth() == nearestWeekday(d, len, day));
          } else {
            Field f = numeric(r, 1, 31, 0.2);
            if (f.text.equals("*")) {
              f = new Field("29", x -> x == 29);
            }
            parts.add(f.text);
            IntPredicate p = f.test;
            rules.add((d, len, w) -> p.test(d.getDayOfMonth()));
          }
        }
        domText = String.join(",", parts);
        dom = (d, len, w) -> rules.stream().anyMatch(rule -> rule.test(d, len, w));
      }
      // day-of-week
      if (kind >= 4 && (quartz || r.nextBoolean())) {
        dowStar = true;
        dowText = quartz ? "?" : "*";
        return;
      }
      if (kind < 4 && r.nextInt(3) == 0) {
        dowStar = true;
        dowText = "*";
        return;
      }
      dowStar = false;
      List<String> parts = new ArrayList<>();
      List<DayRule> rules = new ArrayList<>();
      int n = 1 + r.nextInt(2);
      for (int i = 0; i < n; i++) {
        DayOfWeek day = DayOfWeek.of(1 + r.nextInt(7));
        String token = r.nextBoolean() ? DAYS[day.getValue() % 7] : Integer.toString(raw(day));
        int which = r.nextInt(5);
        if (which == 0) {
          parts.add(token + "L");
          rules.add((d, len, w) -> w == day && d.getDayOfMonth() + 7 > len);
        } else if (which == 1) {
          int k = 1 + r.nextInt(5);
          parts.add(token + "#" + k);
          rules.add((d, len, w) -> w == day && (d.getDayOfMonth() + 6) / 7 == k);
        } else if (which == 2) {
          DayOfWeek end = DayOfWeek.of(1 + r.nextInt(7));
          // ranges in raw numbering, non-wrapping
          int a = raw(day);
          int b = raw(end);
          int lo = Math.min(a, b);
          int hi = Math.max(a, b);
          parts.add(lo + "-" + hi);
          rules.add((d, len, w) -> inRawRange(w, lo, hi));
        } else {
          parts.add(token);
          rules.add((d, len, w) -> w == day);
        }
      }
      dowText = String.join(",", parts);
      dow = (d, len, w) -> rules.stream().anyMatch(rule -> rule.test(d, len, w));
    }

    /** Raw day-of-week number in this model's syntax. */
    private int raw(DayOfWeek d) {
      int sundayZero = d.getValue() % 7; // SUN=0, MON=1 .. SAT=6
      return quartz ? sundayZero + 1 : sundayZero;
    }

    private boolean inRawRange(DayOfWeek w, int lo, int hi) {
      int v = raw(w);
      if (v >= lo && v <= hi) {
        return true;
      }
      // Unix: Sunday is also 7
      return !quartz && w == DayOfWeek.SUNDAY && 7 >= lo && 7 <= hi;
    }

    private static int lastWeekday(LocalDate d, int len) {
      LocalDate last = d.withDayOfMonth(len);
      while (last.getDayOfWeek() == DayOfWeek.SATURDAY || last.getDayOfWeek() == DayOfWeek.SUNDAY) {
        last = last.minusDays(1);
      }
      return last.getDayOfMonth();
    }

    private static int nearestWeekday(LocalDate d, int len, int day) {
      LocalDate target = d.withDayOfMonth(day);
      switch (target.getDayOfWeek()) {
        case SATURDAY:
          return day > 1 ? day - 1 : day + 2;
        case SUNDAY:
          return day < len ? day + 1 : day - 2;
        default:
          return day;
      }
    }

    String render() {
      String base =
          minutesText + " " + hoursText + " " + domText + " " + monthsText + " " + dowText;
      if (!quartz) {
        return base;
      }
      return secondsText + " " + base + (yearsText == null ? "" : " " + yearsText);
    }

    boolean dayMatches(LocalDate date) {
      if (!years.test(date.getYear()) || !months.test(date.getMonthValue())) {
        return false;
      }
      int len = YearMonth.from(date).lengthOfMonth();
      DayOfWeek w = date.getDayOfWeek();
      if (domStar && dowStar) {
        return true;
      }
      if (domStar) {
        return dow.test(date, len, w);
      }
      if (dowStar) {
        return dom.test(date, len, w);
      }
      return dom.test(date, len, w) || dow.test(date, len, w);
    }

    boolean matches(LocalDateTime t) {
      return dayMatches(t.toLocalDate())
          && hours.test(t.getHour())
          && minutes.test(t.getMinute())
          && seconds.test(t.getSecond());
    }
  }

  private static final class Field {
    final String text;
    final IntPredicate test;

    Field(String text, IntPredicate test) {
      this.text = text;
      this.test = test;
    }
  }

  /** A random numeric field over [min, max]: '*', values, ranges (also wrapping), steps, lists. */
  private static Field numeric(SplittableRandom r, int min, int max, double starChance) {
    if (r.nextDouble() < starChance) {
      return new Field("*", x -> true);
    }
    int n = 1 + r.nextInt(3);
    List<String> parts = new ArrayList<>();
    List<IntPredicate> tests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int which = r.nextInt(6);
      int a = min + r.nextInt(max - min + 1);
      int b = min + r.nextInt(max - min + 1);
      int step = 1 + r.nextInt(Math.max(1, (max - min) / 2));
      switch (which) {
        case 0:
          parts.add(Integer.toString(a));
          tests.add(x -> x == a);
          break;
        case 1:
          parts.add(a + "-" + b);
          tests.add(a <= b ? x -> x >= a && x <= b : x -> x >= a || x <= b);
          break;
        case 2:
          parts.add("*/" + step);
          tests.add(x -> (x - min) % step == 0);
          break;
        case 3:
          parts.add(a + "/" + step);
          tests.add(x -> x >= a && (x - a) % step == 0);
          break;
        case 4:
          {
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            parts.add(lo + "-" + hi + "/" + step);
            tests.add(x -> x >= lo && x <= hi && (x - lo) % step == 0);
            break;
          }
        default:
          parts.add(Integer.toString(a));
          tests.add(x -> x == a);
      }
    }
    return new Field(String.join(",", parts), x -> tests.stream().anyMatch(t -> t.test(x)));
  }
}

package dev.dropsync.scheduler;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A parsed cron expression and its next-fire-time engine. Immutable and thread-safe.
 *
 * <h2>Syntax</h2>
 *
 * <ul>
 *   <li><b>5 fields (Unix)</b>: {@code minute hour day-of-month month day-of-week}; seconds are 0;
 *       day-of-week 0-7 where 0 and 7 are Sunday.
 *   <li><b>6 or 7 fields (Quartz)</b>: {@code second minute hour day-of-month month day-of-week
 *       [year]}; day-of-week 1-7 where 1 is Sunday; year 1970-2199.
 *   <li>Every field: {@code *}, a value, a range {@code a-b}, a step {@code * /s}, {@code a/s}
 *       (from a to the field maximum) or {@code a-b/s}, and comma lists of these. A range whose
 *       start is above its end wraps around ({@code FRI-MON}, {@code 22-2}).
 *   <li>Names: {@code JAN}-{@code DEC} in month, {@code SUN}-{@code SAT} in day-of-week
 *       (case-insensitive).
 *   <li>Day-of-month: {@code ?} (no constraint), {@code L} (last day), {@code L-n} (n days before
 *       the last day), {@code LW} (last weekday), {@code nW} (weekday nearest to day n, never
 *       leaving the month; no fire in months without day n).
 *   <li>Day-of-week: {@code ?}, {@code nL} (last day n of the month, e.g. {@code 6L} in Quartz
 *       numbering is the last Friday), {@code n#k} (k-th day n of the month, k 1-5), and {@code L}
 *       alone meaning Saturday (Quartz).
 *   <li>Macros: {@code @yearly}/{@code @annually}, {@code @monthly}, {@code @weekly}, {@code
 *       @daily}/{@code @midnight}, {@code @hourly}.
 * </ul>
 *
 * <p>Day matching follows POSIX: when either day field is {@code *} or {@code ?} only the other
 * applies; when both are restricted a day matches if either matches. Quartz's rule that one of them
 * must be {@code ?} is therefore relaxed, not enforced.
 *
 * <h2>Time zones and daylight saving</h2>
 *
 * <p>The expression matches wall-clock (local) times in the zone given to {@link #nextFireAfter}.
 * Each matching local time fires once:
 *
 * <ul>
 *   <li>a local time that does not exist (a spring-forward gap) fires at the first instant after the
 *       gap, i.e. the transition instant; several matches inside one gap fire once there;
 *   <li>a local time that occurs twice (a fall-back overlap) fires once, at the earlier offset (the
 *       first occurrence); the repeated hour produces no second run.
 * </ul>
 *
 * @since 0.1.0
 */
public final class CronExpression {

  /** Field indexes into the internal representation. */
  private static final int SECOND = 0;

  private static final int MINUTE = 1;
  private static final int HOUR = 2;
  private static final int DOM = 3;
  private static final int MONTH = 4;
  private static final int DOW = 5;
  private static final int YEAR = 6;

  private static final String[] FIELD_NAMES = {
    "second", "minute", "hour", "day-of-month", "month", "day-of-week", "year"
  };
  private static final int MIN_YEAR = 1970;
  private static final int MAX_YEAR = 2199;
  private static final String[] MONTH_NAMES = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
  };
  private static final String[] DAY_NAMES = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

  private final String expression;
  private final boolean quartz;
  private final long seconds;
  private final long minutes;
  private final int hours;
  private final int months; // bits 1..12
  private final @Nullable BitSet years; // bit (year - MIN_YEAR); null = any
  private final boolean domUnrestricted;
  private final boolean dowUnrestricted;
  private final long domPlain; // bits 1..31
  private final long domNearestWeekday; // bits 1..31 for nW
  private final long domLastOffsets; // bit n for L-n (L = bit 0)
  private final boolean domLastWeekday; // LW
  private final int dowPlain; // ISO bits 1..7
  private final int dowLast; // ISO bits 1..7 for nL
  private final int[] dowNth; // index ISO 1..7 -> bits 1..5

  private CronExpression(Parser p) {
    this.expression = p.expression;
    this.quartz = p.quartz;
    this.seconds = p.bits[SECOND];
    this.minutes = p.bits[MINUTE];
    this.hours = (int) p.bits[HOUR];
    this.months = (int) p.bits[MONTH];
    this.years = p.years;
    this.domUnrestricted = p.domUnrestricted;
    this.dowUnrestricted = p.dowUnrestricted;
    this.domPlain = p.bits[DOM];
    this.domNearestWeekday = p.domNearestWeekday;
    this.domLastOffsets = p.domLastOffsets;
    this.domLastWeekday = p.domLastWeekday;
    this.dowPlain = (int) p.bits[DOW];
    this.dowLast = p.dowLast;
    this.dowNth = p.dowNth.clone();
  }

  /**
   * Parses a 5-field Unix, 6/7-field Quartz or {@code @macro} cron expression (see the class doc).
   *
   * @param expression the expression; surrounding whitespace is ignored, fields are separated by
   *     spaces or tabs
   * @return the parsed expression
   * @throws InvalidCronExpressionException if the expression is malformed, naming the field index,
   *     character offset and reason
   * @since 0.1.0
   */
  public static CronExpression parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    return new CronExpression(new Parser(expression).parse());
  }

  /**
   * Returns the expression as it was given to {@link #parse}.
   *
   * @return the source text
   * @since 0.1.0
   */
  public String expression() {
    return expression;
  }

  /**
   * Returns whether the expression uses the Quartz layout (seconds field, 1 = Sunday).
   *
   * @return true for 6/7-field expressions
   * @since 0.1.0
   */
  public boolean isQuartz() {
    return quartz;
  }

  /**
   * Returns the first fire instant strictly after {@code after}, applying the DST rules in the class
   * doc.
   *
   * @param after the exclusive lower bound
   * @param zone the zone whose wall clock the expression describes
   * @return the next fire instant, or empty when the expression never fires again (e.g. {@code 0 0
   *     30 2 *}, or a year list in the past)
   * @since 0.1.0
   */
  public Optional<Instant> nextFireAfter(Instant after, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    LocalDateTime from =
        LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    while (true) {
      LocalDateTime candidate = nextLocalMatch(from);
      if (candidate == null) {
        return Optional.empty();
      }
      Instant instant = resolve(candidate, rules);
      if (instant.isAfter(after)) {
        return Optional.of(instant);
      }
      from = candidate.plusSeconds(1);
    }
  }

  /**
   * Returns whether a wall-clock time matches the expression (ignoring nanoseconds and zones).
   *
   * @param time the local date-time
   * @return true if every field matches
   * @since 0.1.0
   */
  public boolean matches(LocalDateTime time) {
    return yearAllowed(time.getYear())
        && (months & (1 << time.getMonthValue())) != 0
        && (dayMask(time.getYear(), time.getMonthValue()) & (1L << time.getDayOfMonth())) != 0
        && (hours & (1 << time.getHour())) != 0
        && (minutes & (1L << time.getMinute())) != 0
        && (seconds & (1L << time.getSecond())) != 0;
  }

  private static Instant resolve(LocalDateTime local, ZoneRules rules) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.size() == 1) {
      return local.toInstant(offsets.get(0));
    }
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = Objects.requireNonNull(rules.getTransition(local));
      return gap.getInstant();
    }
    Instant a = local.toInstant(offsets.get(0));
    Instant b = local.toInstant(offsets.get(1));
    return a.isBefore(b) ? a : b;
  }

  /** Smallest local date-time at or after {@code from} (whole seconds) that matches. */
  @Nullable LocalDateTime nextLocalMatch(LocalDateTime from) {
    int y = from.getYear();
    int mo = from.getMonthValue();
    int d = from.getDayOfMonth();
    int h = from.getHour();
    int mi = from.getMinute();
    int s = from.getSecond();
    int yearLimit = years == null ? y + 400 : years.length() - 1 + MIN_YEAR;
    int maskYear = Integer.MIN_VALUE;
    int maskMonth = 0;
    long mask = 0;
    while (y <= yearLimit) {
      if (!yearAllowed(y)) {
        BitSet ys = Objects.requireNonNull(years);
        int next = y > MAX_YEAR ? -1 : ys.nextSetBit(Math.max(0, y - MIN_YEAR));
        if (next < 0) {
          return null;
        }
        y = next + MIN_YEAR;
        mo = 1;
        d = 1;
        h = 0;
        mi = 0;
        s = 0;
        continue;
      }
      int nm = nextBit(months, mo, 12);
      if (nm < 0) {
        y++;
        mo = 1;
        d = 1;
        h = 0;
        mi = 0;
        s = 0;
        continue;
      }
      if (nm != mo) {
        mo = nm;
        d = 1;
        h = 0;
        mi = 0;
        s = 0;
      }
      if (maskYear != y || maskMonth != mo) {
        mask = dayMask(y, mo);
        maskYear = y;
        maskMonth = mo;
      }
      int nd = nextBit(mask, d, 31);
      if (nd < 0) {
        mo++;
        if (mo > 12) {
          mo = 1;
          y++;
        }
        d = 1;
        h = 0;
        mi = 0;
        s = 0;
        continue;
      }
      if (nd != d) {
        d = nd;
        h = 0;
        mi = 0;
        s = 0;
      }
      int nh = nextBit(hours, h, 23);
      if (nh < 0) {
        d++;
        h = 0;
        mi = 0;
        s = 0;
        continue;
      }
      if (nh != h) {
        h = nh;
        mi = 0;
        s = 0;
      }
      int nmi = nextBit(minutes, mi, 59);
      if (nmi < 0) {
        h++;
        mi = 0;
        s = 0;
        if (h > 23) {
          h = 0;
          d++;
        }
        continue;
      }
      if (nmi != mi) {
        mi = nmi;
        s = 0;
      }
      int ns = nextBit(seconds, s, 59);
      if (ns < 0) {
        s = 0;
        mi++;
        if (mi > 59) {
          mi = 0;
          h++;
          if (h > 23) {
            h = 0;
            d++;
          }
        }
        continue;
      }
      return LocalDateTime.of(y, mo, d, h, mi, ns);
    }
    return null;
  }

  private boolean yearAllowed(int year) {
    BitSet ys = years;
    return ys == null || (year >= MIN_YEAR && year <= MAX_YEAR && ys.get(year - MIN_YEAR));
  }

  private static int nextBit(long bits, int from, int max) {
    if (from > max || from > 63) {
      return -1;
    }
    long masked = bits & (-1L << from);
    if (masked == 0) {
      return -1;
    }
    int bit = Long.numberOfTrailingZeros(masked);
    return bit > max ? -1 : bit;
  }

  /** Bits 1..31 of the days in the given month that match both day fields. */
  private long dayMask(int year, int month) {
    int length = YearMonth.of(year, month).lengthOfMonth();
    long all = ((1L << (length + 1)) - 1) & ~1L;
    if (domUnrestricted && dowUnrestricted) {
      return all;
    }
    long dom = domUnrestricted ? 0 : domMask(year, month, length);
    long dow = dowUnrestricted ? 0 : dowMask(year, month, length);
    if (domUnrestricted) {
      return dow & all;
    }
    if (dowUnrestricted) {
      return dom & all;
    }
    return (dom | dow) & all;
  }

  private long domMask(int year, int month, int length) {
    long mask = domPlain;
    if (domLastOffsets != 0) {
      for (int n = 0; n <= 30; n++) {
        if ((domLastOffsets & (1L << n)) != 0 && length - n >= 1) {
          mask |= 1L << (length - n);
        }
      }
    }
    if (domLastWeekday) {
      LocalDate last = LocalDate.of(year, month, length);
      int day = length;
      if (last.getDayOfWeek() == DayOfWeek.SATURDAY) {
        day = length - 1;
      } else if (last.getDayOfWeek() == DayOfWeek.SUNDAY) {
        day = length - 2;
      }
      mask |= 1L << day;
    }
    if (domNearestWeekday != 0) {
      for (int n = 1; n <= length; n++) {
        if ((domNearestWeekday & (1L << n)) != 0) {
          DayOfWeek dw = LocalDate.of(year, month, n).getDayOfWeek();
          int day = n;
          if (dw == DayOfWeek.SATURDAY) {
            day = n == 1 ? 3 : n - 1;
          } else if (dw == DayOfWeek.SUNDAY) {
            day = n == length ? n - 2 : n + 1;
          }
          mask |= 1L << day;
        }
      }
    }
    return mask;
  }

  private long dowMask(int year, int month, int length) {
    int firstDow = LocalDate.of(year, month, 1).getDayOfWeek().getValue();
    long mask = 0;
    for (int day = 1; day <= length; day++) {
      int dow = (firstDow - 1 + day - 1) % 7 + 1;
      if ((dowPlain & (1 << dow)) != 0) {
        mask |= 1L << day;
      }
      if ((dowLast & (1 << dow)) != 0 && day + 7 > length) {
        mask |= 1L << day;
      }
      int nth = (day - 1) / 7 + 1;
      if ((dowNth[dow] & (1 << nth)) != 0) {
        mask |= 1L << day;
      }
    }
    return mask;
  }

  /**
   * Two expressions are equal when their source text is equal.
   *
   * @param o the other object
   * @return whether equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CronExpression && ((CronExpression) o).expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  /**
   * Returns the source text.
   *
   * @return the expression
   */
  @Override
  public String toString() {
    return expression;
  }

  /** Single-use parser. */
  private static final class Parser {
    final String expression;
    boolean quartz;
    final long[] bits = new long[7];
    @Nullable BitSet years;
    boolean domUnrestricted;
    boolean dowUnrestricted;
    long domNearestWeekday;
    long domLastOffsets;
    boolean domLastWeekday;
    int dowLast;
    final int[] dowNth = new int[8];

    // position of the field being parsed
    private int fieldIndex;
    private int fieldKind;

    Parser(String expression) {
      this.expression = expression;
    }

    private InvalidCronExpressionException error(int offset, String reason) {
      return new InvalidCronExpressionException(
          expression, fieldIndex, fieldIndex < 0 ? "expression" : FIELD_NAMES[fieldKind], offset,
          reason);
    }

    Parser parse() {
      fieldIndex = -1;
      String trimmed = expression.strip();
      if (trimmed.isEmpty()) {
        throw error(0, "expression is blank");
      }
      if (trimmed.startsWith("@")) {
        String macro = macro(trimmed.toLowerCase(Locale.ROOT));
        if (macro == null) {
          throw error(expression.indexOf('@'), "unknown macro " + trimmed);
        }
        parseFields(macro, 0, false);
        return this;
      }
      parseFields(expression, 0, true);
      return this;
    }

    private static @Nullable String macro(String m) {
      switch (m) {
        case "@yearly":
        case "@annually":
          return "0 0 1 1 *";
        case "@monthly":
          return "0 0 1 * *";
        case "@weekly":
          return "0 0 * * 0";
        case "@daily":
        case "@midnight":
          return "0 0 * * *";
        case "@hourly":
          return "0 * * * *";
        default:
          return null;
      }
    }

    private void parseFields(String text, int base, boolean positions) {
      List<int[]> spans = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        if (i >= text.length()) {
          break;
        }
        int start = i;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        spans.add(new int[] {start, i});
      }
      int n = spans.size();
      if (n != 5 && n != 6 && n != 7) {
        throw error(
            positions && n > 7 ? spans.get(7)[0] : expression.length(),
            "expected 5 (Unix) or 6-7 (Quartz) fields but found " + n);
      }
      quartz = n >= 6;
      int[] kinds =
          quartz
              ? new int[] {SECOND, MINUTE, HOUR, DOM, MONTH, DOW, YEAR}
              : new int[] {MINUTE, HOUR, DOM, MONTH, DOW};
      if (!quartz) {
        bits[SECOND] = 1L; // second 0
      }
      for (int f = 0; f < n; f++) {
        fieldIndex = f;
        fieldKind = kinds[f];
        int[] span = spans.get(f);
        parseField(text.substring(span[0], span[1]), positions ? base + span[0] : 0);
      }
    }

    private void parseField(String field, int offset) {
      int kind = fieldKind;
      if (field.equals("?")) {
        if (kind != DOM && kind != DOW) {
          throw error(offset, "'?' is only allowed in day-of-month and day-of-week");
        }
        if (kind == DOM) {
          domUnrestricted = true;
        } else {
          dowUnrestricted = true;
        }
        return;
      }
      if (field.equals("*")) {
        if (kind == YEAR) {
          return;
        }
        if (kind == DOM) {
          domUnrestricted = true;
        }
        if (kind == DOW) {
          dowUnrestricted = true;
        }
      }
      int pos = 0;
      for (String element : field.split(",", -1)) {
        int elementOffset = offset + pos;
        if (element.isEmpty()) {
          throw error(elementOffset, "empty list element in " + FIELD_NAMES[kind]);
        }
        parseElement(element, elementOffset);
        pos += element.length() + 1;
      }
    }

    private int min(int kind) {
      switch (kind) {
        case DOM:
        case MONTH:
          return 1;
        case DOW:
          return quartz ? 1 : 0;
        case YEAR:
          return MIN_YEAR;
        default:
          return 0;
      }
    }

    private int max(int kind) {
      switch (kind) {
        case SECOND:
        case MINUTE:
          return 59;
        case HOUR:
          return 23;
        case DOM:
          return 31;
        case MONTH:
          return 12;
        case DOW:
          return 7;
        default:
          return MAX_YEAR;
      }
    }

    private void parseElement(String element, int offset) {
      int kind = fieldKind;
      String upper = element.toUpperCase(Locale.ROOT);
      if (kind == DOM) {
        if (upper.equals("L")) {
          domLastOffsets |= 1L;
          return;
        }
        if (upper.equals("LW")) {
          domLastWeekday = true;
          return;
        }
        if (upper.startsWith("L-")) {
          int n = number(upper.substring(2), offset + 2);
          if (n > 30) {
            throw error(offset + 2, "L-n offset " + n + " is out of range 0-30");
          }
          domLastOffsets |= 1L << n;
          return;
        }
        if (upper.endsWith("W")) {
          int n = number(upper.substring(0, upper.length() - 1), offset);
          if (n < 1 || n > 31) {
            throw error(offset, "day-of-month value " + n + " is out of range 1-31");
          }
          domNearestWeekday |= 1L << n;
          return;
        }
      }
      if (kind == DOW) {
        if (upper.equals("L")) {
          bits[DOW] |= 1L << DayOfWeek.SATURDAY.getValue();
          return;
        }
        if (upper.length() > 1 && upper.endsWith("L")) {
          int dow = dayOfWeek(upper.substring(0, upper.length() - 1), offset);
          dowLast |= 1 << dow;
          return;
        }
        int hash = upper.indexOf('#');
        if (hash >= 0) {
          int dow = dayOfWeek(upper.substring(0, hash), offset);
          int nth = number(upper.substring(hash + 1), offset + hash + 1);
          if (nth < 1 || nth > 5) {
            throw error(offset + hash + 1, "'#' occurrence " + nth + " is out of range 1-5");
          }
          dowNth[dow] |= 1 << nth;
          return;
        }
      }
      int slash = upper.indexOf('/');
      String range = slash >= 0 ? upper.substring(0, slash) : upper;
      int step = 1;
      if (slash >= 0) {
        step = number(upper.substring(slash + 1), offset + slash + 1);
        if (step < 1) {
          throw error(offset + slash + 1, "step must be >= 1 but was " + step);
        }
      }
      int lo;
      int hi;
      int min = min(kind);
      int max = max(kind);
      if (range.equals("*")) {
        lo = min;
        hi = max;
        if (kind == DOW && !quartz) {
          hi = 6;
        }
      } else {
        int dash = range.indexOf('-', 1);
        if (dash >= 0) {
          lo = value(range.substring(0, dash), offset);
          hi = value(range.substring(dash + 1), offset + dash + 1);
        } else {
          lo = value(range, offset);
          hi = slash >= 0 ? (kind == DOW && !quartz ? 6 : max) : lo;
        }
      }
      if (lo <= hi) {
        for (int v = lo; v <= hi; v += step) {
          set(v);
        }
      } else {
        int size = max - min + 1;
        for (int v = lo; v <= hi + size; v += step) {
          set(v > max ? v - size : v);
        }
      }
    }

    private void set(int v) {
      switch (fieldKind) {
        case DOW:
          bits[DOW] |= 1L << isoDow(v);
          break;
        case YEAR:
          BitSet ys = years;
          if (ys == null) {
            ys = new BitSet();
            years = ys;
          }
          ys.set(v - MIN_YEAR);
          break;
        default:
          bits[fieldKind] |= 1L << v;
      }
    }

    /** Converts a raw day-of-week number in this syntax to ISO (1 = Monday .. 7 = Sunday). */
    private int isoDow(int raw) {
      if (quartz) {
        return raw == 1 ? 7 : raw - 1;
      }
      return raw == 0 ? 7 : raw;
    }

    private int dayOfWeek(String token, int offset) {
      int raw = value(token, offset);
      return isoDow(raw);
    }

    private int value(String token, int offset) {
      int kind = fieldKind;
      int v;
      if (kind == MONTH && token.length() == 3 && Character.isLetter(token.charAt(0))) {
        v = indexOf(MONTH_NAMES, token) + 1;
        if (v == 0) {
          throw error(offset, "unknown month name " + token);
        }
        return v;
      }
      if (kind == DOW && token.length() == 3 && Character.isLetter(token.charAt(0))) {
        int i = indexOf(DAY_NAMES, token);
        if (i < 0) {
          throw error(offset, "unknown day-of-week name " + token);
        }
        return quartz ? i + 1 : i;
      }
      v = number(token, offset);
      if (v < min(kind) || v > max(kind)) {
        throw error(
            offset,
            FIELD_NAMES[kind]
                + " value "
                + v
                + " is out of range "
                + min(kind)
                + "-"
                + max(kind));
      }
      return v;
    }

    private static int indexOf(String[] names, String token) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(token)) {
          return i;
        }
      }
      return -1;
    }

    private int number(String token, int offset) {
      if (token.isEmpty() || token.length() > 4) {
        throw error(offset, "expected a number but found '" + token + "'");
      }
      for (int i = 0; i < token.length(); i++) {
        if (token.charAt(i) < '0' || token.charAt(i) > '9') {
          char c =
              offset + i < expression.length()
                      && Character.toUpperCase(expression.charAt(offset + i)) == token.charAt(i)
                  ? expression.charAt(offset + i)
                  : token.charAt(i);
          throw error(offset + i, "unexpected character '" + c + "'");
        }
      }
      return Integer.parseInt(token);
    }
  }
}

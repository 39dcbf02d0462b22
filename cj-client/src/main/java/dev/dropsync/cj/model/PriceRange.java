package dev.dropsync.cj.model;

import dev.dropsync.cj.CjInvalidRequestException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A USD price that CJ may send as a single amount ({@code 15.16}, {@code "15.16"}) or a range ({@code
 * "15.16 -- 15.17"}, {@code "1.20-3.50"}). A single amount has {@code min == max}.
 *
 * @param min lowest price, never negative
 * @param max highest price, at least {@code min}
 * @since 0.1.0
 */
public record PriceRange(BigDecimal min, BigDecimal max) {
  private static final Pattern RANGE =
      Pattern.compile("^\\s*\\$?\\s*(\\d+(?:\\.\\d+)?)\\s*(?:-{1,2}|~|to)\\s*\\$?\\s*(\\d+(?:\\.\\d+)?)\\s*$");
  private static final Pattern SINGLE = Pattern.compile("^\\s*\\$?\\s*(\\d+(?:\\.\\d+)?)\\s*$");

  /**
   * Validates the bounds.
   *
   * @throws CjInvalidRequestException when a bound is negative or {@code max < min}
   *
   * @param min see the record component
   * @param max see the record component
   */
  public PriceRange {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.signum() < 0 || max.compareTo(min) < 0) {
      throw CjInvalidRequestException.of(
          "PriceRange", "max", max, "price range must satisfy 0 <= min <= max but was " + min + ".." + max);
    }
  }

  /**
   * A single price.
   *
   * @param price the amount
   * @return a range with {@code min == max == price}
   * @since 0.1.0
   */
  public static PriceRange of(BigDecimal price) {
    return new PriceRange(price, price);
  }

  /**
   * Parses CJ's price text.
   *
   * @param text e.g. {@code "15.16"}, {@code "15.16 -- 15.17"}, {@code "1.20-3.50"}
   * @return the range
   * @throws CjInvalidRequestException when the text is not a price or range
   * @since 0.1.0
   */
  public static PriceRange parse(String text) {
    PriceRange r = tryParse(text);
    if (r == null) {
      throw CjInvalidRequestException.of("PriceRange", "text", text, "not a price or price range: \"" + text + "\"");
    }
    return r;
  }

  /**
   * Parses CJ's price text, returning {@code null} instead of throwing.
   *
   * @param text the text
   * @return the range, or {@code null} when unreadable
   * @since 0.1.0
   */
  public static @Nullable PriceRange tryParse(String text) {
    String t = text.trim();
    if (!t.isEmpty() && Character.isDigit(t.charAt(0)) && Character.isDigit(t.charAt(t.length() - 1))
        && t.indexOf('-') < 0 && t.indexOf(' ') < 0) {
      try {
        return of(new BigDecimal(t));
      } catch (NumberFormatException e) {
        // fall through to the patterns
      }
    }
    Matcher m = SINGLE.matcher(text);
    if (m.matches()) {
      return of(new BigDecimal(m.group(1)));
    }
    m = RANGE.matcher(text);
    if (m.matches()) {
      BigDecimal a = new BigDecimal(m.group(1));
      BigDecimal b = new BigDecimal(m.group(2));
      return a.compareTo(b) <= 0 ? new PriceRange(a, b) : new PriceRange(b, a);
    }
    return null;
  }

  /**
   * Whether this is a single price.
   *
   * @return {@code true} when {@code min == max} numerically
   * @since 0.1.0
   */
  public boolean isSingle() {
    return min.compareTo(max) == 0;
  }
}

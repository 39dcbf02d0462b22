package dev.dropsync.cj.internal;

import dev.dropsync.cj.CjMalformedResponseException;
import dev.dropsync.cj.model.PriceRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Typed, quirk-tolerant view of a JSON object; errors name the endpoint and the JSON path. */
public final class Node {
  private static final DateTimeFormatter SPACE_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

  private final Map<String, @Nullable Object> map;
  private final String path;
  private final Ctx ctx;

  /** Where a node came from, for error messages. */
  public record Ctx(String endpoint, @Nullable String requestId, int httpStatus) {}

  @SuppressWarnings("unchecked")
  public Node(Map<String, ?> map, String path, Ctx ctx) {
    this.map = (Map<String, @Nullable Object>) map;
    this.path = path;
    this.ctx = ctx;
  }

  public String path() {
    return path;
  }

  public Ctx ctx() {
    return ctx;
  }

  public Map<String, @Nullable Object> raw() {
    return map;
  }

  public boolean has(String name) {
    return map.get(name) != null;
  }

  public CjMalformedResponseException error(String field, String problem) {
    String p = path + "." + field;
    return new CjMalformedResponseException(
        ctx.endpoint() + " response " + problem + ": " + p,
        ctx.requestId(),
        ctx.httpStatus(),
        ctx.endpoint(),
        p,
        null);
  }

  /** Wraps any value as a node (for root data), failing if it is not an object. */
  @SuppressWarnings("unchecked")
  public static Node of(@Nullable Object value, String path, Ctx ctx) {
    if (value instanceof Map<?, ?> m) {
      return new Node((Map<String, ?>) m, path, ctx);
    }
    throw new CjMalformedResponseException(
        ctx.endpoint() + " response " + (value == null ? "is missing" : "is not an object") + ": " + path,
        ctx.requestId(),
        ctx.httpStatus(),
        ctx.endpoint(),
        path,
        null);
  }

  /** Objects of a JSON array value (not a field). */
  public static List<Node> list(@Nullable Object value, String path, Ctx ctx) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> l)) {
      throw new CjMalformedResponseException(
          ctx.endpoint() + " response is not an array: " + path,
          ctx.requestId(),
          ctx.httpStatus(),
          ctx.endpoint(),
          path,
          null);
    }
    List<Node> out = new ArrayList<>(l.size());
    for (int i = 0; i < l.size(); i++) {
      Object o = l.get(i);
      if (o != null) {
        out.add(of(o, path + "[" + i + "]", ctx));
      }
    }
    return Collections.unmodifiableList(out);
  }

  public @Nullable String str(String name) {
    Object v = map.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Json.Num || v instanceof Boolean) {
      return v.toString();
    }
    throw error(name, "has a non-scalar value");
  }

  public @Nullable String str(String name, String alternative) {
    String s = str(name);
    return s != null ? s : str(alternative);
  }

  public String reqStr(String name) {
    String s = str(name);
    if (s == null || s.isEmpty()) {
      throw error(name, "lacks required field");
    }
    return s;
  }

  public @Nullable BigDecimal decimal(String name) {
    Object v = map.get(name);
    if (v == null) {
      return null;
    }
    String s = v instanceof Json.Num n ? n.raw() : v instanceof String str ? str.trim() : null;
    if (s == null) {
      throw error(name, "has a non-numeric value");
    }
    if (s.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      PriceRange r = PriceRange.tryParse(s);
      if (r != null) {
        return r.min();
      }
      throw error(name, "has a non-numeric value \"" + s + "\"");
    }
  }

  public BigDecimal reqDecimal(String name) {
    BigDecimal d = decimal(name);
    if (d == null) {
      throw error(name, "lacks required field");
    }
    return d;
  }

  public @Nullable Integer integer(String name) {
    BigDecimal d = decimal(name);
    if (d == null) {
      return null;
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      throw error(name, "has a non-integer value \"" + d.toPlainString() + "\"");
    }
  }

  public int reqInt(String name) {
    Integer i = integer(name);
    if (i == null) {
      throw error(name, "lacks required field");
    }
    return i;
  }

  public @Nullable Long lng(String name) {
    BigDecimal d = decimal(name);
    if (d == null) {
      return null;
    }
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw error(name, "has a non-integer value \"" + d.toPlainString() + "\"");
    }
  }

  public @Nullable Boolean bool(String name) {
    Object v = map.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim();
    if (s.equalsIgnoreCase("true") || s.equals("1")) {
      return true;
    }
    if (s.equalsIgnoreCase("false") || s.equals("0") || s.isEmpty()) {
      return false;
    }
    throw error(name, "has a non-boolean value \"" + s + "\"");
  }

  public @Nullable PriceRange range(String name) {
    Object v = map.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Json.Num n) {
      return PriceRange.of(new BigDecimal(n.raw()));
    }
    if (v instanceof String s) {
      if (s.isBlank()) {
        return null;
      }
      PriceRange r = PriceRange.tryParse(s);
      if (r == null) {
        throw error(name, "has an unreadable price \"" + s + "\"");
      }
      return r;
    }
    throw error(name, "has a non-price value");
  }

  public @Nullable Instant instant(String name) {
    Object v = map.get(name);
    if (v == null) {
      return null;
    }
    String s = v instanceof Json.Num n ? n.raw() : v instanceof String str ? str.trim() : null;
    if (s == null) {
      throw error(name, "has a non-date value");
    }
    if (s.isEmpty()) {
      return null;
    }
    Instant i = parseInstant(s);
    if (i == null) {
      throw error(name, "has an unreadable date \"" + s + "\"");
    }
    return i;
  }

  public Instant reqInstant(String name) {
    Instant i = instant(name);
    if (i == null) {
      throw error(name, "lacks required field");
    }
    return i;
  }

  /** Parses every CJ date format; zone-less dates are UTC. Returns null if unreadable. */
  public static @Nullable Instant parseInstant(String s) {
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      long n = Long.parseLong(s);
      return s.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (s.length() > 10 && s.charAt(10) == ' ') {
        return LocalDateTime.parse(s, SPACE_FORMAT).toInstant(ZoneOffset.UTC);
      }
      if (s.endsWith("Z") || s.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        String norm = s.matches(".*[+-]\\d{4}$") ? s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2) : s;
        return OffsetDateTime.parse(norm).toInstant();
      }
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  public Node obj(String name) {
    Object v = map.get(name);
    if (v == null) {
      throw error(name, "lacks required field");
    }
    return of(v, path + "." + name, ctx);
  }

  public @Nullable Node optObj(String name) {
    Object v = map.get(name);
    return v == null ? null : of(v, path + "." + name, ctx);
  }

  public List<Node> objs(String name) {
    return list(map.get(name), path + "." + name, ctx);
  }

  /** A list of scalars as text; a JSON-in-string array ("[\"XS\"]") is decoded too. */
  public List<String> strings(String name) {
    Object v = map.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return stringsInString(s);
    }
    if (!(v instanceof List<?> l)) {
      return List.of(v.toString());
    }
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      if (o != null) {
        out.add(o.toString());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Decodes {@code "[\"a\",\"b\"]"} to [a, b]; a plain string becomes a one-element list. */
  public static List<String> stringsInString(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      return List.of();
    }
    if (t.startsWith("[")) {
      try {
        Object parsed = Json.parse(t);
        if (parsed instanceof List<?> l) {
          List<String> out = new ArrayList<>();
          for (Object o : l) {
            if (o != null) {
              out.add(o.toString());
            }
          }
          return Collections.unmodifiableList(out);
        }
      } catch (IOException | RuntimeException e) {
        // not JSON after all: fall through
      }
    }
    return List.of(s);
  }

  /** Parses a field whose value is JSON inside a string (or already structured). */
  public @Nullable Object jsonInString(String name) {
    Object v = map.get(name);
    if (v instanceof String s) {
      if (s.isBlank()) {
        return null;
      }
      try {
        return Json.parse(s);
      } catch (IOException | RuntimeException e) {
        throw error(name, "has unreadable embedded JSON");
      }
    }
    return v;
  }
}

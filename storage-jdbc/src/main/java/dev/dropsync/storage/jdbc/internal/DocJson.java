package dev.dropsync.storage.jdbc.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A minimal JSON writer and reader for the document columns ({@code jsonb}) of the fulfilment
 * stores. Values are {@code Map<String, Object>} (insertion ordered), {@code List<Object>},
 * {@code String}, {@code BigDecimal}, {@code Boolean} or {@code null}. Numbers are read as
 * {@link BigDecimal} so money keeps its exact scale.
 */
public final class DocJson {
  private DocJson() {}

  /** Writes {@code value} as JSON text. */
  public static String write(@Nullable Object value) {
    StringBuilder sb = new StringBuilder(256);
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, @Nullable Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (v instanceof BigDecimal d) {
      sb.append(d.toPlainString());
    } else if (v instanceof Long || v instanceof Integer) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(sb, l.get(i));
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** A map of strings (task and schedule payloads) as a JSON object, keys sorted. */
  public static String writeStrings(Map<String, String> map) {
    return write(new java.util.TreeMap<>(map));
  }

  /** Reads a JSON object whose values are all strings. @throws IllegalArgumentException otherwise */
  public static Map<String, String> readStrings(String json) {
    if (!(read(json) instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("stored document: expected an object but found " + json);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw new IllegalArgumentException(
            "stored document: value of " + e.getKey() + " must be a string but was " + e.getValue());
      }
      out.put(String.valueOf(e.getKey()), s);
    }
    return out;
  }

  /** Parses JSON text. @throws IllegalArgumentException on malformed input */
  public static @Nullable Object read(String json) {
    Reader r = new Reader(json);
    r.ws();
    Object v = r.value();
    r.ws();
    if (r.pos != json.length()) {
      throw r.error("trailing characters");
    }
    return v;
  }

  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("malformed JSON document at " + pos + ": " + what);
    }

    void ws() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    char peek() {
      if (pos >= s.length()) {
        throw error("unexpected end");
      }
      return s.charAt(pos);
    }

    void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    @Nullable Object value() {
      char c = peek();
      switch (c) {
        case '{': {
          pos++;
          Map<String, @Nullable Object> m = new LinkedHashMap<>();
          ws();
          if (peek() == '}') {
            pos++;
            return m;
          }
          while (true) {
            ws();
            String k = string();
            ws();
            expect(':');
            ws();
            m.put(k, value());
            ws();
            if (peek() == ',') {
              pos++;
              continue;
            }
            expect('}');
            return m;
          }
        }
        case '[': {
          pos++;
          List<@Nullable Object> l = new ArrayList<>();
          ws();
          if (peek() == ']') {
            pos++;
            return l;
          }
          while (true) {
            ws();
            l.add(value());
            ws();
            if (peek() == ',') {
              pos++;
              continue;
            }
            expect(']');
            return l;
          }
        }
        case '"':
          return string();
        case 't':
          literal("true");
          return Boolean.TRUE;
        case 'f':
          literal("false");
          return Boolean.FALSE;
        case 'n':
          literal("null");
          return null;
        default:
          int start = pos;
          while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
          }
          if (start == pos) {
            throw error("unexpected '" + c + "'");
          }
          return new BigDecimal(s.substring(start, pos));
      }
    }

    void literal(String word) {
      if (!s.startsWith(word, pos)) {
        throw error("expected " + word);
      }
      pos += word.length();
    }

    String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = peek();
        pos++;
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = peek();
        pos++;
        switch (e) {
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw error("short unicode escape");
            }
            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> sb.append(e);
        }
      }
    }
  }
}

package dev.dropsync.cj.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Tiny JSON tree codec. Numbers are kept as their literal text ({@link Num}) so that ids above 2^53
 * and money never pass through {@code double}.
 */
public final class Json {
  private Json() {}

  /** A JSON number kept as its literal text. */
  public record Num(String raw) {
    @Override
    public String toString() {
      return raw;
    }
  }

  public static @Nullable Object parse(String text) throws IOException {
    return parse(new Buffer().writeUtf8(text));
  }

  public static @Nullable Object parse(BufferedSource source) throws IOException {
    JsonReader r = JsonReader.of(source);
    Object v = read(r);
    return v;
  }

  private static @Nullable Object read(JsonReader r) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT: {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) {
          String name = r.nextName();
          m.put(name, read(r));
        }
        r.endObject();
        return m;
      }
      case BEGIN_ARRAY: {
        List<@Nullable Object> l = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
          l.add(read(r));
        }
        r.endArray();
        return l;
      }
      case STRING:
        return r.nextString();
      case NUMBER:
        return new Num(r.nextString());
      case BOOLEAN:
        return r.nextBoolean();
      case NULL:
        return r.nextNull();
      default:
        throw new IOException("unexpected JSON token " + r.peek() + " at " + r.getPath());
    }
  }

  public static String write(@Nullable Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setSerializeNulls(false);
      write(w, value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter w, @Nullable Object v) throws IOException {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof Map<?, ?> m) {
      w.beginObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        w.name(String.valueOf(e.getKey()));
        write(w, e.getValue());
      }
      w.endObject();
    } else if (v instanceof Iterable<?> l) {
      w.beginArray();
      for (Object o : l) {
        write(w, o);
      }
      w.endArray();
    } else if (v instanceof String s) {
      w.value(s);
    } else if (v instanceof Boolean b) {
      w.value(b);
    } else if (v instanceof BigDecimal d) {
      w.value(d);
    } else if (v instanceof Num n) {
      w.value(new BigDecimal(n.raw()));
    } else if (v instanceof Number n) {
      w.value(n);
    } else {
      w.value(v.toString());
    }
  }
}

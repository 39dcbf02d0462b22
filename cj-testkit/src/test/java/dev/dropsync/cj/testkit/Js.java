package dev.dropsync.cj.testkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Tiny navigable view of parsed JSON for assertions. */
final class Js {
  private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);
  private final @Nullable Object v;
  private final String where;

  private Js(@Nullable Object v, String where) {
    this.v = v;
    this.where = where;
  }

  static Js parse(String text) {
    try {
      return new Js(ANY.fromJson(text), "$");
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  Map<?, ?> map() {
    if (!(v instanceof Map<?, ?> m)) {
      throw new AssertionError(where + " is not an object: " + v);
    }
    return m;
  }

  Js get(String key) {
    Map<?, ?> m = map();
    if (!m.containsKey(key)) {
      throw new AssertionError(where + " has no key '" + key + "' in " + m.keySet());
    }
    return new Js(m.get(key), where + "." + key);
  }

  boolean has(String key) {
    return map().containsKey(key);
  }

  List<String> keys() {
    List<String> out = new ArrayList<>();
    for (Object k : map().keySet()) {
      out.add(String.valueOf(k));
    }
    return out;
  }

  List<Js> items() {
    if (!(v instanceof List<?> l)) {
      throw new AssertionError(where + " is not an array: " + v);
    }
    List<Js> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      out.add(new Js(l.get(i), where + "[" + i + "]"));
    }
    return out;
  }

  Js at(int i) {
    return items().get(i);
  }

  int size() {
    return items().size();
  }

  boolean isNull() {
    return v == null;
  }

  @Nullable Object raw() {
    return v;
  }

  String str() {
    if (!(v instanceof String s)) {
      throw new AssertionError(where + " is not a string: " + v);
    }
    return s;
  }

  double num() {
    if (!(v instanceof Number n)) {
      throw new AssertionError(where + " is not a number: " + v);
    }
    return n.doubleValue();
  }

  long lng() {
    return (long) num();
  }

  boolean bool() {
    if (!(v instanceof Boolean b)) {
      throw new AssertionError(where + " is not a boolean: " + v);
    }
    return b;
  }

  @Override
  public String toString() {
    return String.valueOf(v);
  }
}

package dev.dropsync.cj.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Ordered query parameters; arrays become repeated keys. Null values are skipped. */
public final class Query {
  private final Map<String, List<String>> map = new LinkedHashMap<>();

  public static Query of() {
    return new Query();
  }

  public Query add(String key, @Nullable Object value) {
    if (value != null) {
      map.computeIfAbsent(key, k -> new ArrayList<>()).add(String.valueOf(value));
    }
    return this;
  }

  public Query addAll(String key, List<String> values) {
    for (String v : values) {
      add(key, v);
    }
    return this;
  }

  public Map<String, List<String>> build() {
    return map;
  }
}

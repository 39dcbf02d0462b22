package dev.dropsync.cj.supplier.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which CJ product a variant id belongs to, learnt from earlier reads (a vid never changes its
 * product). Bounded, least recently used entries go first. Thread-safe.
 */
public final class VariantIndex {
  private final int capacity;
  private final LinkedHashMap<String, String> productOf;

  public VariantIndex(int capacity) {
    this.capacity = capacity;
    this.productOf = new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > VariantIndex.this.capacity;
      }
    };
  }

  public synchronized @Nullable String productOf(String vid) {
    return productOf.get(vid);
  }

  public synchronized void put(String vid, String pid) {
    productOf.put(vid, pid);
  }

  public synchronized int size() {
    return productOf.size();
  }
}

package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.internal.Check;
import dev.dropsync.inventory.analytics.spi.StockHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The in-memory reference {@link StockHistory}: observations indexed by tenant and date, guarded by
 * one lock per instance. Thread-safe; every call is atomic.
 *
 * @since 0.1.0
 */
public final class InMemoryStockHistory implements StockHistory {

  private final Object lock = new Object();
  private final Map<TenantId, NavigableMap<LocalDate, Map<VariantId, StockObservation>>> data =
      new HashMap<>();

  /** An empty history. */
  public InMemoryStockHistory() {}

  @Override
  public void record(StockObservation observation) {
    Check.notNull(observation, "observation");
    synchronized (lock) {
      data.computeIfAbsent(observation.tenant(), k -> new TreeMap<>())
          .computeIfAbsent(observation.date(), k -> new HashMap<>())
          .put(observation.variant(), observation);
    }
  }

  @Override
  public List<StockObservation> observations(TenantId tenant, LocalDate from, LocalDate to) {
    return select(tenant, null, from, to);
  }

  @Override
  public List<StockObservation> observations(
      TenantId tenant, ProductId product, LocalDate from, LocalDate to) {
    Check.notNull(product, "product");
    return select(tenant, product, from, to);
  }

  private List<StockObservation> select(
      TenantId tenant, @org.jspecify.annotations.Nullable ProductId product, LocalDate from, LocalDate to) {
    Check.notNull(tenant, "tenant");
    Check.range(from, to);
    List<StockObservation> out = new ArrayList<>();
    synchronized (lock) {
      NavigableMap<LocalDate, Map<VariantId, StockObservation>> byDate = data.get(tenant);
      if (byDate == null) {
        return List.of();
      }
      for (Map<VariantId, StockObservation> day : byDate.subMap(from, true, to, false).values()) {
        List<StockObservation> dayList = new ArrayList<>();
        for (StockObservation o : day.values()) {
          if (product == null || product.equals(o.product())) {
            dayList.add(o);
          }
        }
        dayList.sort((a, b) -> a.variant().value().compareTo(b.variant().value()));
        out.addAll(dayList);
      }
    }
    return List.copyOf(out);
  }
}

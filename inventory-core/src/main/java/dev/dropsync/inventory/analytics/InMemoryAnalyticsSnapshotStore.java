package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.internal.Check;
import dev.dropsync.inventory.analytics.spi.AnalyticsSnapshotStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The in-memory reference {@link AnalyticsSnapshotStore}, guarded by one lock per instance.
 * Thread-safe; every call is atomic.
 *
 * @since 0.1.0
 */
public final class InMemoryAnalyticsSnapshotStore implements AnalyticsSnapshotStore {

  private record DayKey(TenantId tenant, LocalDate date) {}

  private final Object lock = new Object();
  private final Map<DayKey, InventoryHealth> health = new HashMap<>();
  private final Map<DayKey, TreeMap<String, ProductAnalytics>> products = new HashMap<>();

  /** An empty store. */
  public InMemoryAnalyticsSnapshotStore() {}

  @Override
  public void saveDay(InventoryHealth dayHealth, List<ProductAnalytics> rows) {
    Check.notNull(dayHealth, "health");
    Check.notNull(rows, "products");
    for (ProductAnalytics r : rows) {
      Check.notNull(r, "products[]");
      if (!r.tenant().equals(dayHealth.tenant())) {
        throw new InvalidInputException("products[].tenant", r.tenant(), "must be " + dayHealth.tenant());
      }
      if (!r.date().equals(dayHealth.date())) {
        throw new InvalidInputException("products[].date", r.date(), "must be " + dayHealth.date());
      }
    }
    DayKey key = new DayKey(dayHealth.tenant(), dayHealth.date());
    synchronized (lock) {
      health.put(key, dayHealth);
      TreeMap<String, ProductAnalytics> day = products.computeIfAbsent(key, k -> new TreeMap<>());
      for (ProductAnalytics r : rows) {
        day.put(r.product().value(), r);
      }
    }
  }

  @Override
  public void save(ProductAnalytics snapshot) {
    Check.notNull(snapshot, "snapshot");
    synchronized (lock) {
      products
          .computeIfAbsent(new DayKey(snapshot.tenant(), snapshot.date()), k -> new TreeMap<>())
          .put(snapshot.product().value(), snapshot);
    }
  }

  @Override
  public Optional<InventoryHealth> inventoryHealth(TenantId tenant, LocalDate date) {
    Check.notNull(tenant, "tenant");
    Check.notNull(date, "date");
    synchronized (lock) {
      return Optional.ofNullable(health.get(new DayKey(tenant, date)));
    }
  }

  @Override
  public List<ProductAnalytics> productAnalytics(TenantId tenant, LocalDate date) {
    Check.notNull(tenant, "tenant");
    Check.notNull(date, "date");
    synchronized (lock) {
      TreeMap<String, ProductAnalytics> day = products.get(new DayKey(tenant, date));
      return day == null ? List.of() : List.copyOf(day.values());
    }
  }

  @Override
  public Optional<ProductAnalytics> productAnalytics(TenantId tenant, LocalDate date, ProductId product) {
    Check.notNull(tenant, "tenant");
    Check.notNull(date, "date");
    Check.notNull(product, "product");
    synchronized (lock) {
      TreeMap<String, ProductAnalytics> day = products.get(new DayKey(tenant, date));
      return day == null ? Optional.empty() : Optional.ofNullable(day.get(product.value()));
    }
  }

  @Override
  public List<ProductAnalytics> productHistory(
      TenantId tenant, ProductId product, LocalDate from, LocalDate to) {
    Check.notNull(tenant, "tenant");
    Check.notNull(product, "product");
    Check.range(from, to);
    List<ProductAnalytics> out = new ArrayList<>();
    synchronized (lock) {
      for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
        TreeMap<String, ProductAnalytics> day = products.get(new DayKey(tenant, d));
        if (day != null) {
          ProductAnalytics row = day.get(product.value());
          if (row != null) {
            out.add(row);
          }
        }
      }
    }
    return List.copyOf(out);
  }
}

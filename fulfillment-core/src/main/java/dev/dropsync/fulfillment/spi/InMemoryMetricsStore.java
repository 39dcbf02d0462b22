package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.FulfillmentMetrics;
import dev.dropsync.inventory.TenantId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link MetricsStore} in memory. Thread-safe.
 *
 * @since 0.1.0
 */
public final class InMemoryMetricsStore implements MetricsStore {
  private final ConcurrentHashMap<TenantId, ConcurrentSkipListMap<LocalDate, FulfillmentMetrics>> byTenant =
      new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryMetricsStore() {}

  @Override
  public void save(FulfillmentMetrics metrics) {
    byTenant.computeIfAbsent(metrics.tenant(), t -> new ConcurrentSkipListMap<>()).put(metrics.day(), metrics);
  }

  @Override
  public Optional<FulfillmentMetrics> find(TenantId tenant, LocalDate day) {
    Map<LocalDate, FulfillmentMetrics> m = byTenant.get(tenant);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(day));
  }

  @Override
  public List<FulfillmentMetrics> list(TenantId tenant, LocalDate from, LocalDate to) {
    ConcurrentSkipListMap<LocalDate, FulfillmentMetrics> m = byTenant.get(tenant);
    if (m == null || !from.isBefore(to)) {
      return List.of();
    }
    return new ArrayList<>(m.subMap(from, true, to, false).values());
  }
}

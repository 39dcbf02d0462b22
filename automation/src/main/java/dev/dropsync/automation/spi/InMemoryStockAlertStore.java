package dev.dropsync.automation.spi;

import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link StockAlertStore} in memory. Thread-safe (one lock per store); for tests, demos and
 * single-process hosts. Nothing survives a restart.
 *
 * @since 0.1.0
 */
public final class InMemoryStockAlertStore implements StockAlertStore {
  private static final Comparator<StockAlert> ORDER =
      Comparator.comparing(StockAlert::openedAt).thenComparing(StockAlert::alertId);

  private record OpenKey(TenantId tenant, VariantId variant, StockAlertKind kind) {}

  private record IdKey(TenantId tenant, String alertId) {}

  private final Map<IdKey, StockAlert> byId = new LinkedHashMap<>();
  private final Map<OpenKey, String> openIds = new LinkedHashMap<>();

  /**
   * Creates an empty store.
   *
   * @since 0.1.0
   */
  public InMemoryStockAlertStore() {}

  @Override
  public synchronized boolean open(StockAlert alert) {
    Objects.requireNonNull(alert, "alert");
    if (!alert.open() || alert.delivered()) {
      throw new InvalidInputException("alert", alert.alertId(), "must be open and undelivered");
    }
    OpenKey key = new OpenKey(alert.tenant(), alert.variant(), alert.kind());
    IdKey id = new IdKey(alert.tenant(), alert.alertId());
    if (openIds.containsKey(key) || byId.containsKey(id)) {
      return false;
    }
    byId.put(id, alert);
    openIds.put(key, alert.alertId());
    return true;
  }

  @Override
  public synchronized Optional<StockAlert> findOpen(TenantId tenant, VariantId variant, StockAlertKind kind) {
    String id = openIds.get(new OpenKey(tenant, variant, kind));
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(new IdKey(tenant, id)));
  }

  @Override
  public synchronized boolean close(TenantId tenant, VariantId variant, StockAlertKind kind, Instant at) {
    Objects.requireNonNull(at, "at");
    String id = openIds.remove(new OpenKey(tenant, variant, kind));
    if (id == null) {
      return false;
    }
    IdKey key = new IdKey(tenant, id);
    StockAlert a = byId.get(key);
    if (a != null) {
      byId.put(key, a.withClosedAt(at));
    }
    return true;
  }

  @Override
  public synchronized boolean markDelivered(TenantId tenant, String alertId, Instant at) {
    Objects.requireNonNull(at, "at");
    IdKey key = new IdKey(tenant, alertId);
    StockAlert a = byId.get(key);
    if (a == null || a.delivered()) {
      return false;
    }
    byId.put(key, a.withDeliveredAt(at));
    return true;
  }

  @Override
  public synchronized List<StockAlert> openAlerts(TenantId tenant) {
    List<StockAlert> out = new ArrayList<>();
    for (Map.Entry<OpenKey, String> e : openIds.entrySet()) {
      if (e.getKey().tenant().equals(tenant)) {
        StockAlert a = byId.get(new IdKey(tenant, e.getValue()));
        if (a != null) {
          out.add(a);
        }
      }
    }
    out.sort(ORDER);
    return out;
  }

  @Override
  public synchronized List<StockAlert> history(TenantId tenant, Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", to, "must not be before from (" + from + ")");
    }
    List<StockAlert> out = new ArrayList<>();
    for (StockAlert a : byId.values()) {
      if (a.tenant().equals(tenant) && !a.openedAt().isBefore(from) && a.openedAt().isBefore(to)) {
        out.add(a);
      }
    }
    out.sort(ORDER);
    return out;
  }
}

package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.CommunicationRecord;
import dev.dropsync.fulfillment.EarningEntry;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link OrderStore} in memory (concurrent maps; compare-and-set through atomic {@code
 * compute}). Thread-safe; for tests, demos and single-process hosts. Nothing survives a restart.
 *
 * @since 0.1.0
 */
public final class InMemoryOrderStore implements OrderStore {
  private record OrderKey(TenantId tenant, OrderId id) {}

  private record RefKey(TenantId tenant, String reference) {}

  private record CommKey(TenantId tenant, OrderId orderId, String eventKey) {}

  private final ConcurrentHashMap<OrderKey, Order> orders = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<RefKey, SupplierOrder> supplierOrders = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<OrderKey, List<String>> referencesByOrder = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<RefKey, EarningEntry> earningsById = new ConcurrentHashMap<>();
  /** Ledger index key: time, then append order (so equal times keep insertion order). */
  private record EarnKey(Instant at, long seq) implements Comparable<EarnKey> {
    @Override
    public int compareTo(EarnKey o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final java.util.concurrent.atomic.AtomicLong earnSeq = new java.util.concurrent.atomic.AtomicLong();

  private final ConcurrentHashMap<TenantId, ConcurrentSkipListMap<EarnKey, EarningEntry>> earningsByTenant =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<CommKey, CommunicationRecord> comms = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<OrderKey, List<String>> commKeysByOrder = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryOrderStore() {}

  @Override
  public boolean insertOrder(Order order) {
    return orders.putIfAbsent(new OrderKey(order.tenant(), order.id()), order) == null;
  }

  @Override
  public Optional<Order> findOrder(TenantId tenant, OrderId id) {
    return Optional.ofNullable(orders.get(new OrderKey(tenant, id)));
  }

  @Override
  public boolean replaceOrder(Order next, long expectedVersion) {
    OrderKey key = new OrderKey(next.tenant(), next.id());
    Order current = orders.get(key);
    return current != null && current.version() == expectedVersion && orders.replace(key, current, next);
  }

  @Override
  public List<Order> listOrders(TenantId tenant, Instant from, Instant to) {
    List<Order> out = new ArrayList<>();
    for (Map.Entry<OrderKey, Order> e : orders.entrySet()) {
      Order o = e.getValue();
      if (e.getKey().tenant().equals(tenant) && !o.createdAt().isBefore(from) && o.createdAt().isBefore(to)) {
        out.add(o);
      }
    }
    return out;
  }

  @Override
  public boolean insertSupplierOrder(SupplierOrder order) {
    RefKey key = new RefKey(order.tenant(), order.reference());
    if (supplierOrders.putIfAbsent(key, order) != null) {
      return false;
    }
    referencesByOrder.computeIfAbsent(new OrderKey(order.tenant(), order.orderId()), k -> new CopyOnWriteArrayList<>())
        .add(order.reference());
    return true;
  }

  @Override
  public Optional<SupplierOrder> findSupplierOrder(TenantId tenant, String reference) {
    return Optional.ofNullable(supplierOrders.get(new RefKey(tenant, reference)));
  }

  @Override
  public List<SupplierOrder> supplierOrdersOf(TenantId tenant, OrderId orderId) {
    List<String> refs = referencesByOrder.get(new OrderKey(tenant, orderId));
    if (refs == null) {
      return List.of();
    }
    List<SupplierOrder> out = new ArrayList<>(refs.size());
    for (String ref : refs) {
      SupplierOrder so = supplierOrders.get(new RefKey(tenant, ref));
      if (so != null) {
        out.add(so);
      }
    }
    out.sort(Comparator.comparingInt(SupplierOrder::group));
    return out;
  }

  @Override
  public List<SupplierOrder> findSupplierOrdersByExternalId(TenantId tenant, String supplierId, String externalId) {
    List<SupplierOrder> out = new ArrayList<>();
    for (Map.Entry<RefKey, SupplierOrder> e : supplierOrders.entrySet()) {
      SupplierOrder so = e.getValue();
      if (e.getKey().tenant().equals(tenant) && so.supplierId().equals(supplierId)
          && (externalId.equals(so.supplierOrderId()) || externalId.equals(so.tracking().trackingNumber()))) {
        out.add(so);
      }
    }
    out.sort(Comparator.comparing(SupplierOrder::reference));
    return out;
  }

  @Override
  public boolean replaceSupplierOrder(SupplierOrder next, long expectedVersion) {
    RefKey key = new RefKey(next.tenant(), next.reference());
    SupplierOrder current = supplierOrders.get(key);
    return current != null && current.version() == expectedVersion && supplierOrders.replace(key, current, next);
  }

  @Override
  public boolean appendEarning(EarningEntry entry) {
    RefKey key = new RefKey(entry.tenant(), entry.entryId());
    if (earningsById.putIfAbsent(key, entry) != null) {
      return false;
    }
    earningsByTenant.computeIfAbsent(entry.tenant(), t -> new ConcurrentSkipListMap<>())
        .put(new EarnKey(entry.at(), earnSeq.incrementAndGet()), entry);
    return true;
  }

  @Override
  public Optional<EarningEntry> findEarning(TenantId tenant, String entryId) {
    return Optional.ofNullable(earningsById.get(new RefKey(tenant, entryId)));
  }

  @Override
  public List<EarningEntry> earnings(TenantId tenant, Instant from, Instant to) {
    ConcurrentSkipListMap<EarnKey, EarningEntry> all = earningsByTenant.get(tenant);
    if (all == null || !from.isBefore(to)) {
      return List.of();
    }
    return new ArrayList<>(all.subMap(new EarnKey(from, Long.MIN_VALUE), true, new EarnKey(to, Long.MIN_VALUE), false).values());
  }

  @Override
  public boolean insertCommunication(CommunicationRecord record) {
    CommKey key = new CommKey(record.tenant(), record.orderId(), record.eventKey());
    if (comms.putIfAbsent(key, record) != null) {
      return false;
    }
    commKeysByOrder.computeIfAbsent(new OrderKey(record.tenant(), record.orderId()), k -> new CopyOnWriteArrayList<>())
        .add(record.eventKey());
    return true;
  }

  @Override
  public Optional<CommunicationRecord> findCommunication(TenantId tenant, OrderId orderId, String eventKey) {
    return Optional.ofNullable(comms.get(new CommKey(tenant, orderId, eventKey)));
  }

  @Override
  public boolean replaceCommunication(CommunicationRecord next, long expectedVersion) {
    CommKey key = new CommKey(next.tenant(), next.orderId(), next.eventKey());
    CommunicationRecord current = comms.get(key);
    return current != null && current.version() == expectedVersion && comms.replace(key, current, next);
  }

  @Override
  public List<CommunicationRecord> communications(TenantId tenant, OrderId orderId) {
    List<String> keys = commKeysByOrder.get(new OrderKey(tenant, orderId));
    if (keys == null) {
      return List.of();
    }
    List<CommunicationRecord> out = new ArrayList<>();
    for (String k : keys) {
      CommunicationRecord r = comms.get(new CommKey(tenant, orderId, k));
      if (r != null) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(CommunicationRecord::createdAt));
    return out;
  }
}

package dev.dropsync.fulfillment.testing;

import dev.dropsync.fulfillment.CommunicationRecord;
import dev.dropsync.fulfillment.EarningEntry;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.spi.OrderStore;
import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Delegates to a real store but "crashes" (throws {@link Crash}) on the N-th write, either before
 * the write is applied or after it was applied (the caller never learns it succeeded).
 */
public final class CrashingOrderStore implements OrderStore {
  /** The simulated process death. */
  public static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String message) {
      super(message);
    }
  }

  private final OrderStore delegate;
  private int writes;
  private int crashAt = -1;
  private boolean afterApply;

  public CrashingOrderStore(OrderStore delegate) {
    this.delegate = delegate;
  }

  /** Crash on write number {@code n} (1-based) from now on; {@code afterApply} applies it first. */
  public synchronized void crashAtWrite(int n, boolean afterApply) {
    this.writes = 0;
    this.crashAt = n;
    this.afterApply = afterApply;
  }

  public synchronized int writes() {
    return writes;
  }

  private synchronized boolean write(String what, BooleanSupplier op) {
    writes++;
    if (writes == crashAt) {
      if (afterApply) {
        boolean unused = op.getAsBoolean();
      }
      throw new Crash("crash at write " + writes + " (" + what + ", " + (afterApply ? "after" : "before") + " apply)");
    }
    return op.getAsBoolean();
  }

  @Override
  public boolean insertOrder(Order order) {
    return write("insertOrder", () -> delegate.insertOrder(order));
  }

  @Override
  public Optional<Order> findOrder(TenantId tenant, OrderId id) {
    return delegate.findOrder(tenant, id);
  }

  @Override
  public boolean replaceOrder(Order next, long expectedVersion) {
    return write("replaceOrder " + next.status(), () -> delegate.replaceOrder(next, expectedVersion));
  }

  @Override
  public List<Order> listOrders(TenantId tenant, Instant from, Instant to) {
    return delegate.listOrders(tenant, from, to);
  }

  @Override
  public boolean insertSupplierOrder(SupplierOrder order) {
    return write("insertSupplierOrder", () -> delegate.insertSupplierOrder(order));
  }

  @Override
  public Optional<SupplierOrder> findSupplierOrder(TenantId tenant, String reference) {
    return delegate.findSupplierOrder(tenant, reference);
  }

  @Override
  public List<SupplierOrder> supplierOrdersOf(TenantId tenant, OrderId orderId) {
    return delegate.supplierOrdersOf(tenant, orderId);
  }

  @Override
  public List<SupplierOrder> findSupplierOrdersByExternalId(TenantId tenant, String supplierId, String externalId) {
    return delegate.findSupplierOrdersByExternalId(tenant, supplierId, externalId);
  }

  @Override
  public boolean replaceSupplierOrder(SupplierOrder next, long expectedVersion) {
    return write("replaceSupplierOrder " + next.status(), () -> delegate.replaceSupplierOrder(next, expectedVersion));
  }

  @Override
  public boolean appendEarning(EarningEntry entry) {
    return write("appendEarning", () -> delegate.appendEarning(entry));
  }

  @Override
  public Optional<EarningEntry> findEarning(TenantId tenant, String entryId) {
    return delegate.findEarning(tenant, entryId);
  }

  @Override
  public List<EarningEntry> earnings(TenantId tenant, Instant from, Instant to) {
    return delegate.earnings(tenant, from, to);
  }

  @Override
  public boolean insertCommunication(CommunicationRecord record) {
    return write("insertCommunication", () -> delegate.insertCommunication(record));
  }

  @Override
  public Optional<CommunicationRecord> findCommunication(TenantId tenant, OrderId orderId, String eventKey) {
    return delegate.findCommunication(tenant, orderId, eventKey);
  }

  @Override
  public boolean replaceCommunication(CommunicationRecord next, long expectedVersion) {
    return write("replaceCommunication", () -> delegate.replaceCommunication(next, expectedVersion));
  }

  @Override
  public List<CommunicationRecord> communications(TenantId tenant, OrderId orderId) {
    return delegate.communications(tenant, orderId);
  }
}

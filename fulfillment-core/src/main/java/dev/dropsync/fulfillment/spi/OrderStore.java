package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.CommunicationRecord;
import dev.dropsync.fulfillment.EarningEntry;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores orders, supplier orders, the earnings ledger and the communication log. Every call is
 * scoped by {@link TenantId}: a tenant never sees another's rows, even with the same ids.
 *
 * <p>Atomicity the engine relies on (each a single atomic operation, e.g. one SQL statement):
 *
 * <ul>
 *   <li>{@code insert*} / {@code append*} are insert-if-absent on their unique key and return
 *       false (changing nothing) when the key exists;
 *   <li>{@code replace*} are compare-and-set: they store {@code next} only if the stored version
 *       equals {@code expectedVersion}, and return false otherwise.
 * </ul>
 *
 * Implementations are thread-safe. Contract: {@code OrderStoreContractTest} in the test-jar.
 *
 * @since 0.1.0
 */
public interface OrderStore {

  /** Inserts {@code order} unless {@code (tenant, id)} exists. @return true if inserted */
  boolean insertOrder(Order order);

  /** The order, if the tenant has it. */
  Optional<Order> findOrder(TenantId tenant, OrderId id);

  /**
   * Replaces the order {@code (next.tenant, next.id)} with {@code next} if its stored version is
   * {@code expectedVersion}. @return true if replaced
   */
  boolean replaceOrder(Order next, long expectedVersion);

  /** The tenant's orders created in {@code [from, to)}, in any order. */
  List<Order> listOrders(TenantId tenant, Instant from, Instant to);

  /** Inserts unless {@code (tenant, reference)} exists. @return true if inserted */
  boolean insertSupplierOrder(SupplierOrder order);

  /** The supplier order with {@code reference}, if the tenant has it. */
  Optional<SupplierOrder> findSupplierOrder(TenantId tenant, String reference);

  /** The supplier orders of one customer order, by group number. */
  List<SupplierOrder> supplierOrdersOf(TenantId tenant, OrderId orderId);

  /**
   * The tenant's supplier orders at supplier {@code supplierId} that the supplier knows as {@code
   * externalId}: whose {@link SupplierOrder#supplierOrderId()} or tracking number equals it, ordered
   * by reference. Used to route supplier webhooks that name only the supplier's own order id or the
   * tracking number (CJ LOGISTIC messages), never our reference. Empty when none matches; another
   * tenant's rows never match.
   *
   * @since 0.1.0
   */
  List<SupplierOrder> findSupplierOrdersByExternalId(TenantId tenant, String supplierId, String externalId);

  /** Compare-and-set on the supplier order's version. @return true if replaced */
  boolean replaceSupplierOrder(SupplierOrder next, long expectedVersion);

  /** Appends a ledger row unless {@code (tenant, entryId)} exists. @return true if appended */
  boolean appendEarning(EarningEntry entry);

  /** The ledger row {@code entryId}, if any. */
  Optional<EarningEntry> findEarning(TenantId tenant, String entryId);

  /** The tenant's ledger rows recorded in {@code [from, to)}, oldest first. */
  List<EarningEntry> earnings(TenantId tenant, Instant from, Instant to);

  /** Inserts unless {@code (tenant, orderId, eventKey)} exists. @return true if inserted */
  boolean insertCommunication(CommunicationRecord record);

  /** The log entry for one event, if any. */
  Optional<CommunicationRecord> findCommunication(TenantId tenant, OrderId orderId, String eventKey);

  /** Compare-and-set on the entry's version. @return true if replaced */
  boolean replaceCommunication(CommunicationRecord next, long expectedVersion);

  /** The communication log of an order, oldest first. */
  List<CommunicationRecord> communications(TenantId tenant, OrderId orderId);
}

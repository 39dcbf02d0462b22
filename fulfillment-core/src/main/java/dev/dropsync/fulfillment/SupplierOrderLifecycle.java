package dev.dropsync.fulfillment;

import static dev.dropsync.fulfillment.SupplierOrderStatus.ACCEPTED;
import static dev.dropsync.fulfillment.SupplierOrderStatus.CANCELLATION_REQUESTED;
import static dev.dropsync.fulfillment.SupplierOrderStatus.CANCELLED;
import static dev.dropsync.fulfillment.SupplierOrderStatus.DELIVERED;
import static dev.dropsync.fulfillment.SupplierOrderStatus.INCOMPLETE;
import static dev.dropsync.fulfillment.SupplierOrderStatus.IN_PROGRESS;
import static dev.dropsync.fulfillment.SupplierOrderStatus.OPEN;
import static dev.dropsync.fulfillment.SupplierOrderStatus.REJECTED;
import static dev.dropsync.fulfillment.SupplierOrderStatus.SHIPPED;
import static dev.dropsync.fulfillment.SupplierOrderStatus.SUBMITTED;
import static dev.dropsync.fulfillment.SupplierOrderStatus.SUBMITTING;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The supplier-order transition table, as data (domain.md §4):
 *
 * <table>
 *   <caption>allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>OPEN</td><td>SUBMITTING, CANCELLED</td></tr>
 *   <tr><td>SUBMITTING</td><td>SUBMITTED, REJECTED, CANCELLED</td></tr>
 *   <tr><td>SUBMITTED</td><td>ACCEPTED, REJECTED, CANCELLATION_REQUESTED</td></tr>
 *   <tr><td>ACCEPTED</td><td>IN_PROGRESS, CANCELLATION_REQUESTED</td></tr>
 *   <tr><td>IN_PROGRESS</td><td>SHIPPED, CANCELLATION_REQUESTED, INCOMPLETE</td></tr>
 *   <tr><td>SHIPPED</td><td>DELIVERED, INCOMPLETE</td></tr>
 *   <tr><td>CANCELLATION_REQUESTED</td><td>CANCELLED, or back to SUBMITTED/ACCEPTED/IN_PROGRESS if refused</td></tr>
 *   <tr><td>REJECTED, CANCELLED, DELIVERED, INCOMPLETE</td><td>none</td></tr>
 * </table>
 *
 * <p>Additions to domain.md: OPEN → CANCELLED and SUBMITTING → CANCELLED mean "withdrawn before the
 * supplier ever had it" (the order was cancelled before sending, or a lookup by reference proved the
 * send never arrived). Supplier updates may skip states (polling sees SUBMITTED, then SHIPPED); the
 * engine applies such an update when the target is {@link #isReachable reachable}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class SupplierOrderLifecycle {
  private static final Map<SupplierOrderStatus, Set<SupplierOrderStatus>> TABLE;

  static {
    Map<SupplierOrderStatus, Set<SupplierOrderStatus>> t = new EnumMap<>(SupplierOrderStatus.class);
    t.put(OPEN, EnumSet.of(SUBMITTING, CANCELLED));
    t.put(SUBMITTING, EnumSet.of(SUBMITTED, REJECTED, CANCELLED));
    t.put(SUBMITTED, EnumSet.of(ACCEPTED, REJECTED, CANCELLATION_REQUESTED));
    t.put(ACCEPTED, EnumSet.of(IN_PROGRESS, CANCELLATION_REQUESTED));
    t.put(IN_PROGRESS, EnumSet.of(SHIPPED, CANCELLATION_REQUESTED, INCOMPLETE));
    t.put(SHIPPED, EnumSet.of(DELIVERED, INCOMPLETE));
    t.put(CANCELLATION_REQUESTED, EnumSet.of(CANCELLED, SUBMITTED, ACCEPTED, IN_PROGRESS));
    t.put(REJECTED, EnumSet.noneOf(SupplierOrderStatus.class));
    t.put(CANCELLED, EnumSet.noneOf(SupplierOrderStatus.class));
    t.put(DELIVERED, EnumSet.noneOf(SupplierOrderStatus.class));
    t.put(INCOMPLETE, EnumSet.noneOf(SupplierOrderStatus.class));
    for (Map.Entry<SupplierOrderStatus, Set<SupplierOrderStatus>> e : t.entrySet()) {
      e.setValue(Collections.unmodifiableSet(e.getValue()));
    }
    TABLE = Collections.unmodifiableMap(t);
  }

  private SupplierOrderLifecycle() {}

  /** The whole table (unmodifiable). */
  public static Map<SupplierOrderStatus, Set<SupplierOrderStatus>> table() {
    return TABLE;
  }

  /** The statuses {@code from} may move to in one step. */
  public static Set<SupplierOrderStatus> allowed(SupplierOrderStatus from) {
    return TABLE.getOrDefault(from, Set.of());
  }

  /** True if the table allows {@code from → to} in one step. */
  public static boolean isAllowed(SupplierOrderStatus from, SupplierOrderStatus to) {
    return TABLE.getOrDefault(from, Set.of()).contains(to);
  }

  /**
   * True if {@code to} can be reached from {@code from} in one or more steps, without passing
   * through CANCELLATION_REQUESTED's "refused" edges backwards (a supplier update can never move a
   * supplier order to an earlier stage of the forward path).
   */
  public static boolean isReachable(SupplierOrderStatus from, SupplierOrderStatus to) {
    if (from == to) {
      return false;
    }
    Set<SupplierOrderStatus> seen = EnumSet.of(from);
    Deque<SupplierOrderStatus> queue = new ArrayDeque<>();
    queue.add(from);
    while (!queue.isEmpty()) {
      SupplierOrderStatus s = queue.poll();
      for (SupplierOrderStatus n : TABLE.getOrDefault(s, Set.of())) {
        if (s == CANCELLATION_REQUESTED && n != CANCELLED) {
          continue; // refusal edges go back; only allowed directly (see FulfillmentEngine)
        }
        if (n == to) {
          return true;
        }
        if (seen.add(n)) {
          queue.add(n);
        }
      }
    }
    return false;
  }

  /**
   * Checks a one-step move.
   *
   * @throws IllegalTransitionException if the table does not allow it
   */
  public static void check(String reference, SupplierOrderStatus from, SupplierOrderStatus to) {
    if (!isAllowed(from, to)) {
      throw new IllegalTransitionException(reference, from, to);
    }
  }
}

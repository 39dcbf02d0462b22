package dev.dropsync.fulfillment;

import static dev.dropsync.fulfillment.OrderStatus.CANCELLED;
import static dev.dropsync.fulfillment.OrderStatus.CONFIRMED;
import static dev.dropsync.fulfillment.OrderStatus.DELIVERED;
import static dev.dropsync.fulfillment.OrderStatus.FAILED;
import static dev.dropsync.fulfillment.OrderStatus.ON_HOLD;
import static dev.dropsync.fulfillment.OrderStatus.PENDING;
import static dev.dropsync.fulfillment.OrderStatus.PROCESSING;
import static dev.dropsync.fulfillment.OrderStatus.SHIPPED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The customer-order transition table, as data (domain.md §3):
 *
 * <table>
 *   <caption>allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>PENDING</td><td>CONFIRMED, ON_HOLD, CANCELLED</td></tr>
 *   <tr><td>CONFIRMED</td><td>PROCESSING, ON_HOLD, CANCELLED</td></tr>
 *   <tr><td>PROCESSING</td><td>SHIPPED, ON_HOLD, FAILED, CANCELLED</td></tr>
 *   <tr><td>ON_HOLD</td><td>CONFIRMED, PROCESSING, CANCELLED</td></tr>
 *   <tr><td>SHIPPED</td><td>DELIVERED</td></tr>
 *   <tr><td>FAILED</td><td>CONFIRMED, CANCELLED</td></tr>
 *   <tr><td>DELIVERED, CANCELLED</td><td>none (terminal)</td></tr>
 * </table>
 *
 * <p>One addition to domain.md: PENDING → ON_HOLD, for an order whose stock cannot be reserved
 * (stock policy HOLD) or that has no acceptable freight option; it returns to CONFIRMED once
 * {@code processOrder} succeeds. SHIPPED and DELIVERED are only ever derived from supplier orders,
 * and PROCESSING → CANCELLED only happens once every supplier order is cancelled or was never
 * placed; the engine enforces those guards. Thread-safe (immutable).
 *
 * @since 0.1.0
 */
public final class OrderLifecycle {
  private static final Map<OrderStatus, Set<OrderStatus>> TABLE;

  static {
    Map<OrderStatus, Set<OrderStatus>> t = new EnumMap<>(OrderStatus.class);
    t.put(PENDING, EnumSet.of(CONFIRMED, ON_HOLD, CANCELLED));
    t.put(CONFIRMED, EnumSet.of(PROCESSING, ON_HOLD, CANCELLED));
    t.put(PROCESSING, EnumSet.of(SHIPPED, ON_HOLD, FAILED, CANCELLED));
    t.put(ON_HOLD, EnumSet.of(CONFIRMED, PROCESSING, CANCELLED));
    t.put(SHIPPED, EnumSet.of(DELIVERED));
    t.put(FAILED, EnumSet.of(CONFIRMED, CANCELLED));
    t.put(DELIVERED, EnumSet.noneOf(OrderStatus.class));
    t.put(CANCELLED, EnumSet.noneOf(OrderStatus.class));
    for (Map.Entry<OrderStatus, Set<OrderStatus>> e : t.entrySet()) {
      e.setValue(Collections.unmodifiableSet(e.getValue()));
    }
    TABLE = Collections.unmodifiableMap(t);
  }

  private OrderLifecycle() {}

  /** The whole table: status to the statuses it may move to (unmodifiable). */
  public static Map<OrderStatus, Set<OrderStatus>> table() {
    return TABLE;
  }

  /** The statuses {@code from} may move to (unmodifiable, empty for terminal statuses). */
  public static Set<OrderStatus> allowed(OrderStatus from) {
    return TABLE.getOrDefault(from, Set.of());
  }

  /** True if the table allows {@code from → to}. */
  public static boolean isAllowed(OrderStatus from, OrderStatus to) {
    return TABLE.getOrDefault(from, Set.of()).contains(to);
  }

  /**
   * Checks a move.
   *
   * @throws IllegalTransitionException if the table does not allow {@code from → to}
   */
  public static void check(OrderId orderId, OrderStatus from, OrderStatus to) {
    if (!isAllowed(from, to)) {
      throw new IllegalTransitionException(orderId, from, to);
    }
  }
}

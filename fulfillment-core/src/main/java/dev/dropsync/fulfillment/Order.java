package dev.dropsync.fulfillment;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored customer order with its progress. Immutable; the engine stores each change as a new
 * version with compare-and-set on {@link #version()} ({@link dev.dropsync.fulfillment.spi.OrderStore}).
 *
 * @param tenant the owning tenant
 * @param id the store's order id
 * @param lines the ordered lines
 * @param currency the order currency
 * @param shippingCharge what the customer paid for shipping
 * @param shippingAddress where to ship
 * @param customer who to notify
 * @param status the lifecycle status
 * @param holdReason why it is ON_HOLD (null otherwise)
 * @param fulfillmentStatus shipping progress derived from supplier orders
 * @param allocated reserved quantities once reserved (may be fewer units than ordered under the
 *     SHIP_AVAILABLE stock policy); null before
 * @param shipments the supplier-order plan once quoted; empty before
 * @param reservationCommitted true once the reservation was committed
 * @param cancellationRequested true while a cancellation is in progress
 * @param commission the recorded commission split; null until recorded
 * @param refunds refunds recorded, in order
 * @param history every transition, oldest first
 * @param createdAt when created (the start of fulfilment time)
 * @param updatedAt when last changed
 * @param shippedAt when it became SHIPPED
 * @param deliveredAt when it became DELIVERED
 * @param version optimistic-lock version, starts at 1
 * @since 0.1.0
 */
public record Order(
    TenantId tenant,
    OrderId id,
    List<OrderLine> lines,
    Currency currency,
    Money shippingCharge,
    Address shippingAddress,
    CustomerContact customer,
    OrderStatus status,
    @Nullable HoldReason holdReason,
    FulfillmentStatus fulfillmentStatus,
    @Nullable List<ReservationLine> allocated,
    List<ShipmentGroup> shipments,
    boolean reservationCommitted,
    boolean cancellationRequested,
    @Nullable CommissionSplit commission,
    List<Refund> refunds,
    List<StatusChange<OrderStatus>> history,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant shippedAt,
    @Nullable Instant deliveredAt,
    long version) {

  /** Copies lists and checks for nulls. */
  public Order {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(shippingCharge, "shippingCharge");
    Objects.requireNonNull(shippingAddress, "shippingAddress");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(fulfillmentStatus, "fulfillmentStatus");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    lines = List.copyOf(lines);
    allocated = allocated == null ? null : List.copyOf(allocated);
    shipments = List.copyOf(shipments);
    refunds = List.copyOf(refunds);
    history = List.copyOf(history);
  }

  /** Sum of {@code unitPrice × quantity} over the ordered lines. */
  public Money goodsTotal() {
    Money sum = Money.zero(currency);
    for (OrderLine l : lines) {
      sum = sum.plus(l.total());
    }
    return sum;
  }

  /** What the customer was charged: goods plus shipping charge. */
  public Money chargedTotal() {
    return goodsTotal().plus(shippingCharge);
  }

  /** Goods value of the allocated (reserved) units; zero before reservation. */
  public Money allocatedGoodsTotal() {
    Money sum = Money.zero(currency);
    if (allocated == null) {
      return sum;
    }
    for (ReservationLine r : allocated) {
      sum = sum.plus(line(r.variant()).unitPrice().times(r.quantity()));
    }
    return sum;
  }

  /** Ordered units that were not allocated (SHIP_AVAILABLE shortfall); 0 before reservation. */
  public long unallocatedUnits() {
    if (allocated == null) {
      return 0;
    }
    long ordered = lines.stream().mapToLong(OrderLine::quantity).sum();
    long got = allocated.stream().mapToLong(ReservationLine::quantity).sum();
    return ordered - got;
  }

  /** Sum of recorded refunds. */
  public Money refundedTotal() {
    Money sum = Money.zero(currency);
    for (Refund r : refunds) {
      sum = sum.plus(r.amount());
    }
    return sum;
  }

  /** The line of {@code variant}. @throws IllegalArgumentException if the order has none */
  public OrderLine line(VariantId variant) {
    for (OrderLine l : lines) {
      if (l.variant().equals(variant)) {
        return l;
      }
    }
    throw new IllegalArgumentException("order " + id + " has no line for variant " + variant);
  }
}

package dev.dropsync.fulfillment.internal;

import dev.dropsync.fulfillment.CommissionSplit;
import dev.dropsync.fulfillment.FulfillmentStatus;
import dev.dropsync.fulfillment.HoldReason;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderLifecycle;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.Refund;
import dev.dropsync.fulfillment.ShipmentGroup;
import dev.dropsync.fulfillment.StatusChange;
import dev.dropsync.inventory.ReservationLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A mutable copy of an {@link Order}; {@link #build} makes the next version. */
public final class OrderEdit {
  private final Order base;
  public OrderStatus status;
  public @Nullable HoldReason holdReason;
  public FulfillmentStatus fulfillmentStatus;
  public @Nullable List<ReservationLine> allocated;
  public List<ShipmentGroup> shipments;
  public boolean reservationCommitted;
  public boolean cancellationRequested;
  public @Nullable CommissionSplit commission;
  public final List<Refund> refunds;
  private final List<StatusChange<OrderStatus>> history;
  private boolean moved;
  public @Nullable Instant shippedAt;
  public @Nullable Instant deliveredAt;

  public OrderEdit(Order o) {
    this.base = o;
    this.status = o.status();
    this.holdReason = o.holdReason();
    this.fulfillmentStatus = o.fulfillmentStatus();
    this.allocated = o.allocated();
    this.shipments = o.shipments();
    this.reservationCommitted = o.reservationCommitted();
    this.cancellationRequested = o.cancellationRequested();
    this.commission = o.commission();
    this.refunds = new ArrayList<>(o.refunds());
    this.history = new ArrayList<>(o.history());
    this.shippedAt = o.shippedAt();
    this.deliveredAt = o.deliveredAt();
  }

  /** Moves through the transition table, recording history. */
  public void move(OrderStatus to, Instant at, String actor, String reason) {
    OrderLifecycle.check(base.id(), status, to);
    history.add(new StatusChange<>(status, to, at, actor, reason));
    status = to;
    moved = true;
    if (to != OrderStatus.ON_HOLD) {
      holdReason = null;
    }
  }

  /** True if anything differs from the base. */
  public boolean changed() {
    return moved || status != base.status() || holdReason != base.holdReason()
        || fulfillmentStatus != base.fulfillmentStatus() || !Objects.equals(allocated, base.allocated())
        || !shipments.equals(base.shipments()) || reservationCommitted != base.reservationCommitted()
        || cancellationRequested != base.cancellationRequested() || !Objects.equals(commission, base.commission())
        || refunds.size() != base.refunds().size() || !Objects.equals(shippedAt, base.shippedAt())
        || !Objects.equals(deliveredAt, base.deliveredAt());
  }

  public Order build(Instant now) {
    return new Order(base.tenant(), base.id(), base.lines(), base.currency(), base.shippingCharge(),
        base.shippingAddress(), base.customer(), status, holdReason, fulfillmentStatus, allocated, shipments,
        reservationCommitted, cancellationRequested, commission, refunds, history, base.createdAt(), now,
        shippedAt, deliveredAt, base.version() + 1);
  }
}

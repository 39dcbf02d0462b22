package dev.dropsync.fulfillment.internal;

import dev.dropsync.fulfillment.StatusChange;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.SupplierOrderLifecycle;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.fulfillment.TrackingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A mutable copy of a {@link SupplierOrder}; {@link #build} makes the next version. */
public final class SupplierOrderEdit {
  private final SupplierOrder base;
  public SupplierOrderStatus status;
  public @Nullable SupplierOrderStatus previousStatus;
  public @Nullable String supplierOrderId;
  public int attempts;
  public boolean attemptInFlight;
  public @Nullable Instant attemptStartedAt;
  public @Nullable String lastError;
  public Tracking tracking;
  public List<TrackingEvent> events;
  public @Nullable Instant lastUpdateAt;
  public final List<String> lastMessageIds;
  public final List<StatusChange<SupplierOrderStatus>> history;

  public SupplierOrderEdit(SupplierOrder so) {
    this.base = so;
    this.status = so.status();
    this.previousStatus = so.previousStatus();
    this.supplierOrderId = so.supplierOrderId();
    this.attempts = so.attempts();
    this.attemptInFlight = so.attemptInFlight();
    this.attemptStartedAt = so.attemptStartedAt();
    this.lastError = so.lastError();
    this.tracking = so.tracking();
    this.events = so.events();
    this.lastUpdateAt = so.lastUpdateAt();
    this.lastMessageIds = new ArrayList<>(so.lastMessageIds());
    this.history = new ArrayList<>(so.history());
  }

  /** One-step move through the transition table, recording history. */
  public void move(SupplierOrderStatus to, Instant at, String actor, String reason) {
    SupplierOrderLifecycle.check(base.reference(), status, to);
    history.add(new StatusChange<>(status, to, at, actor, reason));
    status = to;
  }

  public SupplierOrder build(Instant now) {
    return new SupplierOrder(base.tenant(), base.reference(), base.orderId(), base.group(), base.supplierId(),
        base.lines(), base.freight(), status, previousStatus, supplierOrderId, attempts, attemptInFlight,
        attemptStartedAt, lastError, tracking, events, lastUpdateAt, lastMessageIds, history, base.version() + 1,
        base.createdAt(), now);
  }
}

package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.fulfillment.TrackingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The supplier's view of one order, as returned by {@link SupplierOrders#find} and {@link
 * SupplierOrders#status}.
 *
 * @param reference our reference (the supplier's order number)
 * @param supplierOrderId the supplier's id
 * @param status the supplier's status mapped to ours (SUBMITTED or later; never OPEN/SUBMITTING)
 * @param tracking tracking details known
 * @param events carrier events known
 * @param asOf when the supplier produced this state (ordering key for updates)
 * @since 0.1.0
 */
public record SupplierOrderSnapshot(
    String reference,
    String supplierOrderId,
    SupplierOrderStatus status,
    Tracking tracking,
    List<TrackingEvent> events,
    Instant asOf) {
  /** Copies events. */
  public SupplierOrderSnapshot {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(supplierOrderId, "supplierOrderId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(tracking, "tracking");
    Objects.requireNonNull(asOf, "asOf");
    events = List.copyOf(events);
  }
}

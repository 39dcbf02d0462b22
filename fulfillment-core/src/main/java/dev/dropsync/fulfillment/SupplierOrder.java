package dev.dropsync.fulfillment;

import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored supplier order: one per {@link ShipmentGroup}, unique by {@code (tenant, reference)}.
 * Immutable; the engine stores a new version with compare-and-set on {@link #version()}.
 *
 * @param tenant the owning tenant
 * @param reference {@code {orderId}-{group}}, the idempotency key sent to the supplier
 * @param orderId the customer order
 * @param group the group number within the order
 * @param supplierId the supplier's key
 * @param lines what is ordered
 * @param freight the freight option asked for
 * @param status where it stands
 * @param previousStatus while CANCELLATION_REQUESTED, the status to return to if the supplier refuses
 * @param supplierOrderId the supplier's id once known
 * @param attempts how many times it was sent (or looked up before re-sending)
 * @param attemptInFlight true while a send may be under way (its outcome not yet recorded)
 * @param attemptStartedAt when the last send started
 * @param lastError the last send error or rejection reason (no secrets)
 * @param tracking tracking details
 * @param events carrier events, oldest first, without duplicates
 * @param lastUpdateAt the {@code asOf} of the last applied supplier update (ordering key)
 * @param lastMessageIds ids of recently applied webhook messages (duplicate filter, bounded)
 * @param history every transition
 * @param version optimistic-lock version, starts at 1
 * @param createdAt when stored
 * @param updatedAt when last changed
 * @since 0.1.0
 */
public record SupplierOrder(
    TenantId tenant,
    String reference,
    OrderId orderId,
    int group,
    String supplierId,
    List<ShipmentLine> lines,
    FreightOption freight,
    SupplierOrderStatus status,
    @Nullable SupplierOrderStatus previousStatus,
    @Nullable String supplierOrderId,
    int attempts,
    boolean attemptInFlight,
    @Nullable Instant attemptStartedAt,
    @Nullable String lastError,
    Tracking tracking,
    List<TrackingEvent> events,
    @Nullable Instant lastUpdateAt,
    List<String> lastMessageIds,
    List<StatusChange<SupplierOrderStatus>> history,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** Copies lists and checks for nulls. */
  public SupplierOrder {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(freight, "freight");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(tracking, "tracking");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    lines = List.copyOf(lines);
    events = List.copyOf(events);
    lastMessageIds = List.copyOf(lastMessageIds);
    history = List.copyOf(history);
  }

  /** A new OPEN supplier order for {@code group} of {@code order}, version 1. */
  public static SupplierOrder open(TenantId tenant, OrderId orderId, ShipmentGroup group, Instant now) {
    return new SupplierOrder(tenant, group.reference(), orderId, group.group(), group.supplierId(),
        group.lines(), group.freight(), SupplierOrderStatus.OPEN, null, null, 0, false, null, null,
        Tracking.NONE, List.of(), null, List.of(),
        List.of(new StatusChange<>(null, SupplierOrderStatus.OPEN, now, "system", "planned")),
        1, now, now);
  }
}

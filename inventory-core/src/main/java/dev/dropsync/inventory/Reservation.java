package dev.dropsync.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Stock held for one order reference: every line reserved together, or none.
 *
 * @param tenant the owning tenant
 * @param orderRef the caller's order reference; the idempotency key of reserve/release/commit
 * @param lines the reserved lines, one per variant
 * @param status where it stands
 * @param createdAt when it was made (injected clock)
 * @param updatedAt when its status last changed
 * @since 0.1.0
 */
public record Reservation(
    TenantId tenant,
    String orderRef,
    List<ReservationLine> lines,
    ReservationStatus status,
    Instant createdAt,
    Instant updatedAt) {
  /** Copies the lines. */
  public Reservation {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(orderRef, "orderRef");
    lines = List.copyOf(lines);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}

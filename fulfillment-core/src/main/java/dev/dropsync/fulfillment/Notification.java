package dev.dropsync.fulfillment;

import dev.dropsync.inventory.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message to send to a customer.
 *
 * @param tenant the store
 * @param orderId the order
 * @param type the event
 * @param eventKey unique per order and event, e.g. {@code "confirmed"} or {@code "shipped:shop-1-2"}
 * @param customer who to tell
 * @param tracking tracking for SHIPPED (null otherwise)
 * @param detail a short human-readable detail (reason, supplier reference)
 * @since 0.1.0
 */
public record Notification(
    TenantId tenant,
    OrderId orderId,
    NotificationType type,
    String eventKey,
    CustomerContact customer,
    @Nullable Tracking tracking,
    String detail) {
  /** Checks for nulls. */
  public Notification {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(eventKey, "eventKey");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(detail, "detail");
  }
}

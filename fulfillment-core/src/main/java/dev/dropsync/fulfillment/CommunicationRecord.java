package dev.dropsync.fulfillment;

import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an order's communication log, unique by {@code (tenant, orderId, eventKey)}. It is
 * stored (SENDING) before the notifier is called, so a message is sent at most once: a crash while
 * SENDING leaves it unsent rather than risking a duplicate; a notifier that threw leaves it FAILED
 * and it is retried (up to the engine's limit).
 *
 * @param tenant the store
 * @param orderId the order
 * @param eventKey the event, e.g. {@code "shipped:shop-1-1"}
 * @param type the notification type
 * @param status SENDING, SENT or FAILED
 * @param attempts how many sends were started
 * @param lastError the last notifier error
 * @param createdAt when first claimed
 * @param updatedAt when last changed
 * @param version optimistic-lock version, starts at 1
 * @since 0.1.0
 */
public record CommunicationRecord(
    TenantId tenant,
    OrderId orderId,
    String eventKey,
    NotificationType type,
    Status status,
    int attempts,
    @Nullable String lastError,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /**
   * Delivery states.
   *
   * @since 0.1.0
   */
  public enum Status {
    /** Claimed; the notifier was (or is being) called. */
    SENDING,
    /** The notifier returned normally. */
    SENT,
    /** The notifier threw. */
    FAILED
  }

  /** Checks for nulls. */
  public CommunicationRecord {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(eventKey, "eventKey");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}

package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a supplier reported about one supplier order, from polling or a webhook. Applied by {@link
 * FulfillmentEngine#applySupplierUpdate}: idempotently (a repeated {@code messageId} or an {@code
 * asOf} not newer than the last applied one is ignored) and never backwards.
 *
 * @param reference our reference {@code {orderId}-{group}}
 * @param status the supplier's status, mapped to ours
 * @param supplierOrderId the supplier's order id, if reported
 * @param tracking tracking details reported (unknown fields null)
 * @param events carrier events reported
 * @param asOf when the supplier produced this state; the ordering key
 * @param source where it came from
 * @param messageId the webhook message id, for de-duplication; null for polls
 * @since 0.1.0
 */
public record SupplierUpdate(
    String reference,
    SupplierOrderStatus status,
    @Nullable String supplierOrderId,
    Tracking tracking,
    List<TrackingEvent> events,
    Instant asOf,
    Source source,
    @Nullable String messageId) {

  /**
   * Where an update came from.
   *
   * @since 0.1.0
   */
  public enum Source {
    /** We asked the supplier. */
    POLL,
    /** The supplier called us. */
    WEBHOOK
  }

  /** Validates. @throws InvalidInputException on a blank reference or a status we never receive */
  public SupplierUpdate {
    if (reference == null || reference.isBlank()) {
      throw new InvalidInputException("reference", reference, "must not be blank");
    }
    Objects.requireNonNull(status, "status");
    if (status == SupplierOrderStatus.OPEN || status == SupplierOrderStatus.SUBMITTING
        || status == SupplierOrderStatus.CANCELLATION_REQUESTED) {
      throw new InvalidInputException("status", status, "is internal and cannot come from a supplier");
    }
    Objects.requireNonNull(tracking, "tracking");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(source, "source");
    events = List.copyOf(events);
  }

  /** A new builder. Not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link SupplierUpdate}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String reference;
    private @Nullable SupplierOrderStatus status;
    private @Nullable String supplierOrderId;
    private @Nullable String trackingNumber;
    private @Nullable String carrier;
    private @Nullable String trackingUrl;
    private final List<TrackingEvent> events = new ArrayList<>();
    private @Nullable Instant asOf;
    private Source source = Source.POLL;
    private @Nullable String messageId;

    private Builder() {}

    /** Our reference (required). */
    public Builder reference(String reference) {
      this.reference = reference;
      return this;
    }

    /** The reported status (required). */
    public Builder status(SupplierOrderStatus status) {
      this.status = status;
      return this;
    }

    /** The supplier's order id. */
    public Builder supplierOrderId(@Nullable String supplierOrderId) {
      this.supplierOrderId = supplierOrderId;
      return this;
    }

    /** Tracking number. */
    public Builder trackingNumber(@Nullable String trackingNumber) {
      this.trackingNumber = trackingNumber;
      return this;
    }

    /** Carrier name. */
    public Builder carrier(@Nullable String carrier) {
      this.carrier = carrier;
      return this;
    }

    /** Tracking page URL. */
    public Builder trackingUrl(@Nullable String trackingUrl) {
      this.trackingUrl = trackingUrl;
      return this;
    }

    /** Adds a carrier event. */
    public Builder event(TrackingEvent event) {
      events.add(Objects.requireNonNull(event, "event"));
      return this;
    }

    /** When the supplier produced this state (required). */
    public Builder asOf(Instant asOf) {
      this.asOf = asOf;
      return this;
    }

    /** Poll (default) or webhook. */
    public Builder source(Source source) {
      this.source = source;
      return this;
    }

    /** The webhook message id. */
    public Builder messageId(@Nullable String messageId) {
      this.messageId = messageId;
      return this;
    }

    /** The validated update. @throws InvalidInputException naming a missing or bad field */
    public SupplierUpdate build() {
      if (status == null) {
        throw new InvalidInputException("status", null, "is required");
      }
      if (asOf == null) {
        throw new InvalidInputException("asOf", null, "is required");
      }
      return new SupplierUpdate(reference == null ? "" : reference, status, supplierOrderId,
          new Tracking(trackingNumber, carrier, trackingUrl), events, asOf, source, messageId);
    }
  }
}

package dev.dropsync.fulfillment;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One carrier scan or status line of a shipment.
 *
 * @param at when it happened
 * @param description what happened, e.g. {@code "Arrived at destination hub"}
 * @param location where, if known
 * @since 0.1.0
 */
public record TrackingEvent(Instant at, String description, @Nullable String location) {
  /** Checks for nulls. */
  public TrackingEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(description, "description");
  }
}

package dev.dropsync.fulfillment;

import org.jspecify.annotations.Nullable;

/**
 * What the customer needs to follow a parcel. Any field may be unknown until the supplier ships.
 *
 * @param trackingNumber the carrier's tracking number
 * @param carrier the carrier, e.g. {@code "USPS"}
 * @param trackingUrl a page where the customer can follow the parcel
 * @since 0.1.0
 */
public record Tracking(@Nullable String trackingNumber, @Nullable String carrier, @Nullable String trackingUrl) {
  /** Nothing known yet. */
  public static final Tracking NONE = new Tracking(null, null, null);

  /** This tracking with non-null fields of {@code newer} replacing ours. */
  public Tracking mergedWith(Tracking newer) {
    return new Tracking(
        newer.trackingNumber != null ? newer.trackingNumber : trackingNumber,
        newer.carrier != null ? newer.carrier : carrier,
        newer.trackingUrl != null ? newer.trackingUrl : trackingUrl);
  }
}

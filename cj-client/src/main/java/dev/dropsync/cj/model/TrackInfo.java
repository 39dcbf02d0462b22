package dev.dropsync.cj.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Tracking of one parcel from {@code GET /logistic/trackInfo}.
 *
 * @param trackingNumber tracking number
 * @param logisticName carrier, or {@code null}
 * @param trackingFrom origin country, or {@code null}
 * @param trackingTo destination country, or {@code null}
 * @param deliveryDays days in transit, or {@code null}
 * @param deliveryTime delivery or last event time, or {@code null}
 * @param trackingStatus free-text status, or {@code null}
 * @param lastMileCarrier last-mile carrier, or {@code null}
 * @param lastTrackNumber last-mile tracking number, or {@code null}
 * @since 0.1.0
 */
public record TrackInfo(
    String trackingNumber,
    @Nullable String logisticName,
    @Nullable String trackingFrom,
    @Nullable String trackingTo,
    @Nullable Integer deliveryDays,
    @Nullable Instant deliveryTime,
    @Nullable String trackingStatus,
    @Nullable String lastMileCarrier,
    @Nullable String lastTrackNumber) {}

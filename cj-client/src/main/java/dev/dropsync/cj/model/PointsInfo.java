package dev.dropsync.cj.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The account's API points as last reported by CJ in a response's {@code pointsInfo}.
 *
 * @param usedToday points spent since 00:00 UTC, or {@code null} when not reported
 * @param remaining points left
 * @param total daily total, or {@code null} when not reported
 * @param observedAt when the client saw the figures (client clock)
 * @since 0.1.0
 */
public record PointsInfo(@Nullable Long usedToday, long remaining, @Nullable Long total, Instant observedAt) {}

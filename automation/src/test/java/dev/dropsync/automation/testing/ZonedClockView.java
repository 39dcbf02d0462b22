package dev.dropsync.automation.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A view of another clock's instants in a zone, whose {@link #withZone} really changes the zone.
 * inventory-core's test {@code MutableClock} ignores {@code withZone}, which code that computes
 * "today" with {@code LocalDate.now(clock.withZone(zone))} (the {@code DailySnapshotter}) needs.
 */
public final class ZonedClockView extends Clock {
  private final Clock base;
  private final ZoneId zone;

  /** A view of {@code base} in {@code zone}. */
  public ZonedClockView(Clock base, ZoneId zone) {
    this.base = Objects.requireNonNull(base, "base");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new ZonedClockView(base, newZone);
  }

  @Override
  public Instant instant() {
    return base.instant();
  }
}

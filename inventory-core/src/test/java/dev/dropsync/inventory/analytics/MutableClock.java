package dev.dropsync.inventory.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A test clock that only moves when told to. */
final class MutableClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  MutableClock(Instant now) {
    this(now, ZoneOffset.UTC);
  }

  private MutableClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    MutableClock parent = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return z;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return parent.withZone(other);
      }

      @Override
      public Instant instant() {
        return parent.instant();
      }
    };
  }

  @Override
  public Instant instant() {
    return now;
  }
}

package dev.dropsync.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real time that can be moved forward: the system clock plus an offset. The examples share one with
 * the embedded CJ simulator, so rate limits, timeouts and backoff happen in real time while a jump of
 * a few days lets the simulator ship orders at once. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ShiftableClock extends Clock {
  private final Clock base;
  private final AtomicLong offsetNanos;

  private ShiftableClock(Clock base, AtomicLong offsetNanos) {
    this.base = base;
    this.offsetNanos = offsetNanos;
  }

  /**
   * A clock reading the system UTC clock, not shifted yet.
   *
   * @return the clock
   * @since 0.1.0
   */
  public static ShiftableClock systemUtc() {
    return new ShiftableClock(Clock.systemUTC(), new AtomicLong());
  }

  /**
   * Moves this clock (and every clock derived from it with {@link #withZone}) forward.
   *
   * @param amount how far, not negative
   * @return the new time
   * @throws IllegalArgumentException if {@code amount} is negative
   * @since 0.1.0
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative but was " + amount);
    }
    offsetNanos.addAndGet(amount.toNanos());
    return instant();
  }

  /**
   * How far this clock has been moved forward in total.
   *
   * @return the offset from the system clock
   * @since 0.1.0
   */
  public Duration shift() {
    return Duration.ofNanos(offsetNanos.get());
  }

  @Override
  public Instant instant() {
    return base.instant().plusNanos(offsetNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(base.getZone()) ? this : new ShiftableClock(base.withZone(zone), offsetNanos);
  }

  @Override
  public String toString() {
    Duration shift = shift();
    return "ShiftableClock[" + (shift.isZero() ? "system" : "system + " + shift) + ", "
        + (base.getZone().equals(ZoneOffset.UTC) ? "UTC" : base.getZone()) + "]";
  }
}

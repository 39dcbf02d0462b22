package dev.dropsync.cj.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reservation-style limiter: each call reserves the next free slot, slots are {@code interval}
 * apart on the injected clock. Thread-safe; shared by all calls of a client and its derivatives.
 */
public final class RateLimiter {
  private final Clock clock;
  private final Duration interval;
  private Instant nextFree = Instant.EPOCH;

  public RateLimiter(Clock clock, double qps, double safetyFactor) {
    this.clock = clock;
    this.interval = Duration.ofNanos(Math.round(1_000_000_000d / qps * safetyFactor));
  }

  public Duration interval() {
    return interval;
  }

  /** Reserves a slot and returns how long the caller must wait before sending. */
  public synchronized Duration reserve() {
    Instant now = clock.instant();
    Instant slot = nextFree.isAfter(now) ? nextFree : now;
    nextFree = slot.plus(interval);
    return Duration.between(now, slot);
  }

  /** Pushes every future slot to at least {@code until} (after a server throttle). */
  public synchronized void blockUntil(Instant until) {
    if (until.isAfter(nextFree)) {
      nextFree = until;
    }
  }
}

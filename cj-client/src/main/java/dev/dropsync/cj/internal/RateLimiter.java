package dev.dropsync.cj.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reservation-style limiter: each call reserves the next free slot, slots are {@code interval}
 * apart on the injected clock. The interval is {@code 1/qps × factor}; each server throttle widens
 * the factor by {@link #WIDEN_STEP} (up to {@code maxFactor}) for the rest of the limiter's life, so
 * a client whose spacing is too tight for CJ's clock settles at one that is not. Thread-safe; shared
 * by all calls of a client and its derivatives.
 */
public final class RateLimiter {
  /** How much one server throttle widens the spacing. */
  public static final double WIDEN_STEP = 1.05;
  /** The widest spacing factor widening reaches by default. */
  public static final double DEFAULT_MAX_FACTOR = 1.5;

  private final Clock clock;
  private final double qps;
  private final double maxFactor;
  private double factor;
  private Duration interval;
  private Instant nextFree = Instant.EPOCH;

  /** A limiter starting at {@code safetyFactor} that widens up to {@link #DEFAULT_MAX_FACTOR} (or the start, if higher). */
  public RateLimiter(Clock clock, double qps, double safetyFactor) {
    this(clock, qps, safetyFactor, Math.max(DEFAULT_MAX_FACTOR, safetyFactor));
  }

  /** A limiter starting at {@code safetyFactor} that widens up to {@code maxFactor}. */
  public RateLimiter(Clock clock, double qps, double safetyFactor, double maxFactor) {
    this.clock = clock;
    this.qps = qps;
    this.factor = safetyFactor;
    this.maxFactor = Math.max(maxFactor, safetyFactor);
    this.interval = intervalFor(safetyFactor);
  }

  private Duration intervalFor(double f) {
    return Duration.ofNanos(Math.round(1_000_000_000d / qps * f));
  }

  /** The current spacing between slots. */
  public synchronized Duration interval() {
    return interval;
  }

  /** The current spacing factor over {@code 1/qps}. */
  public synchronized double factor() {
    return factor;
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

  /**
   * Widens the spacing by {@link #WIDEN_STEP}, up to the maximum factor (after a server throttle:
   * the spacing was too tight for the server's clock).
   *
   * @return the factor now in force
   */
  public synchronized double widen() {
    factor = Math.min(maxFactor, factor * WIDEN_STEP);
    interval = intervalFor(factor);
    return factor;
  }
}

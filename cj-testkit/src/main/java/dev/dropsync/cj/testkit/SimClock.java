package dev.dropsync.cj.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A mutable {@link Clock} for tests: time stands still until the test moves it with {@link #advance(Duration)}
 * or {@link #set(Instant)}. Share one instance between the simulator and the code under test to run token
 * expiry, QPS windows, points refills and order progress without waiting for real time.
 *
 * <p>Thread-safe: reads and moves are atomic. Time never moves backwards through {@link #advance(Duration)};
 * {@link #set(Instant)} may move it anywhere.
 *
 * @since 0.1.0
 */
public final class SimClock extends Clock {
  private static final class Cell {
    private Instant now;

    Cell(Instant now) {
      this.now = now;
    }
  }

  private final Cell now;
  private final ZoneId zone;

  private SimClock(Cell now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Creates a clock standing at {@code start}, in UTC.
   *
   * @param start the initial instant
   * @return a new clock
   * @throws NullPointerException if {@code start} is null
   * @since 0.1.0
   */
  public static SimClock at(Instant start) {
    return new SimClock(new Cell(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward.
   *
   * @param amount how far to move; zero is allowed
   * @return the new instant
   * @throws IllegalArgumentException if {@code amount} is negative
   * @since 0.1.0
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must be >= 0 but was " + amount);
    }
    synchronized (now) {
      now.now = now.now.plus(amount);
      return now.now;
    }
  }

  /**
   * Sets the clock to {@code instant}, forwards or backwards.
   *
   * @param instant the new time
   * @since 0.1.0
   */
  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    synchronized (now) {
      now.now = instant;
    }
  }

  /** {@inheritDoc} */
  @Override
  public Instant instant() {
    synchronized (now) {
      return now.now;
    }
  }

  /** {@inheritDoc} */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Returns a view of this clock in another zone that shares the same mutable instant.
   *
   * @param zone the zone
   * @return a view of this clock in another zone that shares the same mutable instant
   * @since 0.1.0
   */
  @Override
  public Clock withZone(ZoneId zone) {
    return new SimClock(now, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public String toString() {
    return "SimClock[" + instant() + "]";
  }
}

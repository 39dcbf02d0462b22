package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.analytics.internal.Check;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A daily demand series: units demanded on each of {@link #size()} consecutive days starting at
 * {@link #start()}, and whether the item was sellable (active and in stock) on each day. Days that
 * were not sellable are excluded from velocity and treated as missing by the forecasters (their zero
 * sales say nothing about demand). Immutable and thread-safe; arrays are copied in and out.
 *
 * @since 0.1.0
 */
public final class DemandHistory {

  private final LocalDate start;
  private final double[] demand;
  private final boolean[] available;

  private DemandHistory(LocalDate start, double[] demand, boolean[] available) {
    this.start = start;
    this.demand = demand;
    this.available = available;
  }

  /**
   * A history whose every day was sellable.
   *
   * @param start the first day
   * @param demand units per day, each {@code >= 0} and finite; may be empty
   * @throws InvalidInputException if an argument is null or a value is negative or not finite
   */
  public static DemandHistory of(LocalDate start, double[] demand) {
    Check.notNull(demand, "demand");
    boolean[] all = new boolean[demand.length];
    Arrays.fill(all, true);
    return of(start, demand, all);
  }

  /**
   * A history with availability per day.
   *
   * @param start the first day
   * @param demand units per day, each {@code >= 0} and finite
   * @param available whether each day was sellable; same length as {@code demand}
   * @throws InvalidInputException if an argument is null, the lengths differ, or a value is negative
   *     or not finite
   */
  public static DemandHistory of(LocalDate start, double[] demand, boolean[] available) {
    Check.notNull(start, "start");
    Check.notNull(demand, "demand");
    Check.notNull(available, "available");
    if (demand.length != available.length) {
      throw new InvalidInputException(
          "available.length", available.length, "must equal demand.length " + demand.length);
    }
    for (int i = 0; i < demand.length; i++) {
      if (!(demand[i] >= 0) || Double.isInfinite(demand[i])) {
        throw new InvalidInputException("demand[" + i + "]", demand[i], "must be >= 0 and finite");
      }
    }
    return new DemandHistory(start, demand.clone(), available.clone());
  }

  /** The first day. */
  public LocalDate start() {
    return start;
  }

  /** The day after the last day (the first day a forecast is for). */
  public LocalDate end() {
    return start.plusDays(demand.length);
  }

  /** Number of days. */
  public int size() {
    return demand.length;
  }

  /** Units demanded on day {@code i} (0-based). @throws IndexOutOfBoundsException if out of range */
  public double demand(int i) {
    return demand[i];
  }

  /** Whether day {@code i} was sellable. @throws IndexOutOfBoundsException if out of range */
  public boolean available(int i) {
    return available[i];
  }

  /** The date of day {@code i}. */
  public LocalDate dateAt(int i) {
    return start.plusDays(i);
  }

  /** A copy of the demand values. */
  public double[] demandValues() {
    return demand.clone();
  }

  /** A copy of the availability flags. */
  public boolean[] availability() {
    return available.clone();
  }

  /**
   * The first {@code days} days of this history.
   *
   * @throws InvalidInputException if {@code days} is negative or above {@link #size()}
   */
  public DemandHistory head(int days) {
    if (days < 0 || days > demand.length) {
      throw new InvalidInputException("days", days, "must be in [0, " + demand.length + "]");
    }
    return new DemandHistory(
        start, Arrays.copyOf(demand, days), Arrays.copyOf(available, days));
  }

  double[] rawDemand() {
    return demand;
  }

  boolean[] rawAvailable() {
    return available;
  }

  @Override
  public String toString() {
    return "DemandHistory[start=" + start + ", days=" + demand.length + "]";
  }
}

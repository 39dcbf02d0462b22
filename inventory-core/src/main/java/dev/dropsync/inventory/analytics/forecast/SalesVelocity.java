package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.analytics.internal.Check;
import java.util.OptionalDouble;

/**
 * Units sold per sellable day over the last 7, 30 and 90 days of a {@link DemandHistory}. Days that
 * were not sellable (out of stock, inactive) are left out of both numerator and denominator; a window
 * without a sellable day is empty. Immutable.
 *
 * @param last7 velocity over the last 7 days
 * @param last30 velocity over the last 30 days
 * @param last90 velocity over the last 90 days
 * @since 0.1.0
 */
public record SalesVelocity(OptionalDouble last7, OptionalDouble last30, OptionalDouble last90) {

  /** The three windows of {@code history}. @throws dev.dropsync.inventory.InvalidInputException if null */
  public static SalesVelocity of(DemandHistory history) {
    return new SalesVelocity(over(history, 7), over(history, 30), over(history, 90));
  }

  /**
   * Units per sellable day over the last {@code days} days (fewer if the history is shorter).
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code history} is null or {@code days <
   *     1}
   */
  public static OptionalDouble over(DemandHistory history, int days) {
    Check.notNull(history, "history");
    Check.positive(days, "days");
    double sum = 0;
    int n = 0;
    for (int i = Math.max(0, history.size() - days); i < history.size(); i++) {
      if (history.available(i)) {
        sum += history.demand(i);
        n++;
      }
    }
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
  }
}

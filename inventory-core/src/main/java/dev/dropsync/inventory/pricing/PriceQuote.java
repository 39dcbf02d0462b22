package dev.dropsync.inventory.pricing;

import dev.dropsync.inventory.Money;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The prices a rule gives for one cost.
 *
 * @param retail the retail price (after tiers, rounding and the margin floor)
 * @param compareAt the compare-at price, or null if the rule has none
 * @param floor the lowest price that keeps the minimum margin (charm-rounded), or null if the rule has no floor
 * @since 0.1.0
 */
public record PriceQuote(Money retail, @Nullable Money compareAt, @Nullable Money floor) {
  /** Checks for nulls. */
  public PriceQuote {
    Objects.requireNonNull(retail, "retail");
  }
}

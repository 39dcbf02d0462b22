package dev.dropsync.fulfillment;

import dev.dropsync.inventory.Money;
import java.util.Objects;

/**
 * Ledger totals of one currency over a period: the sums of the per-order rows (never a split of the
 * period total, which would change the cents), so {@code client + platform == base}.
 *
 * @param base sum of bases (refunds negative)
 * @param client sum of client shares
 * @param platform sum of platform shares
 * @param entries number of rows
 * @since 0.1.0
 */
public record EarningsTotals(Money base, Money client, Money platform, int entries) {
  /** Checks for nulls. */
  public EarningsTotals {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(platform, "platform");
  }
}

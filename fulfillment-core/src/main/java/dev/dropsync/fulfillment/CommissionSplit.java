package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A base split between the client (store owner) and the platform. The client share is {@code base
 * × clientRate} rounded once, {@link java.math.RoundingMode#HALF_EVEN}, at the currency's scale;
 * the platform share is the remainder, so {@code client + platform == base} always (0.15 at 30 %
 * gives 0.04 + 0.11; 10.01 gives 3.00 + 7.01).
 *
 * @param base the amount split
 * @param client the client's share
 * @param platform the platform's share
 * @param clientRate the client's rate in [0, 1]
 * @since 0.1.0
 */
public record CommissionSplit(Money base, Money client, Money platform, BigDecimal clientRate) {
  /** Checks that the shares sum to the base. @throws InvalidInputException if they do not */
  public CommissionSplit {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(clientRate, "clientRate");
    if (client.plus(platform).compareTo(base) != 0) {
      throw new InvalidInputException("platform", platform, "must equal base - client (" + base.minus(client) + ")");
    }
  }

  /** Splits {@code base}: client = round(base × clientRate), platform = base − client. */
  public static CommissionSplit of(Money base, BigDecimal clientRate) {
    Money client = base.times(clientRate);
    return new CommissionSplit(base, client, base.minus(client), clientRate);
  }

  /** The same split negated (a reversal). */
  public CommissionSplit negated() {
    return new CommissionSplit(neg(base), neg(client), neg(platform), clientRate);
  }

  private static Money neg(Money m) {
    return Money.of(m.amount().negate(), m.currency());
  }
}

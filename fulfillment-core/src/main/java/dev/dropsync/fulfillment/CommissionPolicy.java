package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A commission rule: the client's (store owner's) rate and the {@link CommissionBasis}. The
 * platform gets the remainder. Default {@link #DEFAULT}: 30 % client / 70 % platform of the order
 * total (goods + shipping charge). Immutable.
 *
 * @param clientRate the client's share in [0, 1], e.g. {@code 0.30}
 * @param basis what is split
 * @since 0.1.0
 */
public record CommissionPolicy(BigDecimal clientRate, CommissionBasis basis) {
  /** 30 % to the client, 70 % to the platform, of the order total. */
  public static final CommissionPolicy DEFAULT = new CommissionPolicy(new BigDecimal("0.30"), CommissionBasis.ORDER_TOTAL);

  /** Validates. @throws InvalidInputException if the rate is outside [0, 1] */
  public CommissionPolicy {
    Objects.requireNonNull(clientRate, "clientRate");
    Objects.requireNonNull(basis, "basis");
    if (clientRate.signum() < 0 || clientRate.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidInputException("clientRate", clientRate.toPlainString(), "must be between 0 and 1");
    }
  }

  /** A policy from a decimal string, e.g. {@code of("0.25", GOODS)}. */
  public static CommissionPolicy of(String clientRate, CommissionBasis basis) {
    try {
      return new CommissionPolicy(new BigDecimal(clientRate), basis);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("clientRate", clientRate, "is not a decimal number");
    }
  }

  /** Splits {@code base} by this policy's rate (see {@link CommissionSplit#of}). */
  public CommissionSplit split(Money base) {
    return CommissionSplit.of(base, clientRate);
  }
}

package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A refund paid to the customer, recorded on the order. Idempotent by {@code refundId}.
 *
 * @param refundId the host's refund id, unique per order
 * @param amount positive, in the order currency
 * @param reason why
 * @param at when recorded
 * @since 0.1.0
 */
public record Refund(String refundId, Money amount, String reason, Instant at) {
  /** Validates. @throws InvalidInputException on a blank id or a non-positive amount */
  public Refund {
    if (refundId == null || refundId.isBlank()) {
      throw new InvalidInputException("refundId", refundId, "must not be blank");
    }
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative() || amount.isZero()) {
      throw new InvalidInputException("amount", amount, "must be > 0");
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}

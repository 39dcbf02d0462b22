package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import java.util.Objects;

/**
 * One way to ship a supplier order, as quoted by {@link dev.dropsync.fulfillment.spi.FreightQuotes}.
 *
 * @param carrier the carrier / logistics product name, e.g. {@code "CJPacket Ordinary"}
 * @param price the freight cost, not negative
 * @param minDays fastest expected delivery in days, at least 0
 * @param maxDays slowest expected delivery in days, at least {@code minDays}
 * @since 0.1.0
 */
public record FreightOption(String carrier, Money price, int minDays, int maxDays) {
  /** Validates. @throws InvalidInputException naming the bad field */
  public FreightOption {
    if (carrier == null || carrier.isBlank()) {
      throw new InvalidInputException("carrier", carrier, "must not be blank");
    }
    Objects.requireNonNull(price, "price");
    if (price.isNegative()) {
      throw new InvalidInputException("price", price, "must not be negative");
    }
    if (minDays < 0) {
      throw new InvalidInputException("minDays", minDays, "must be >= 0");
    }
    if (maxDays < minDays) {
      throw new InvalidInputException("maxDays", maxDays, "must be >= minDays (" + minDays + ")");
    }
  }
}

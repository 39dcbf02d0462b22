package dev.dropsync.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. The amount is always held at the currency's default scale
 * ({@link Currency#getDefaultFractionDigits()}, e.g. 2 for USD, 0 for JPY); amounts with more
 * digits are rounded once, {@link RoundingMode#HALF_EVEN}, when the value is created. Arithmetic
 * between two amounts of different currencies throws {@link CurrencyMismatchException}.
 *
 * <p>Compare amounts with {@link #compareTo}; two {@code Money} values are {@link #equals equal}
 * when currency and amount (at the currency scale) are equal.
 *
 * @param amount the amount at the currency's scale
 * @param currency the ISO 4217 currency
 * @since 0.1.0
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /** The rounding used whenever an amount must be brought to the currency's scale. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  /** Normalises the amount to the currency's scale. */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    amount = amount.setScale(scaleOf(currency), ROUNDING);
  }

  /** {@code Money.of("12.30", "USD")}. @throws InvalidInputException on a malformed amount or code */
  public static Money of(String amount, String currencyCode) {
    return new Money(parse(amount), currency(currencyCode));
  }

  /** An amount in {@code currency}. */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /** Zero in {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** The sum; both must be in the same currency. */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /** The difference; both must be in the same currency. */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /** This amount times {@code factor}, rounded once to the currency's scale ({@link #ROUNDING}). */
  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor), currency);
  }

  /** This amount times a whole quantity. */
  public Money times(long quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  /** True if the amount is below zero. */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /** True if the amount is zero. */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** Throws {@link CurrencyMismatchException} unless {@code other} has this currency. */
  public void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }

  private static int scaleOf(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    return digits < 0 ? 2 : digits;
  }

  private static BigDecimal parse(String amount) {
    try {
      return new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("amount", amount, "is not a decimal number");
    }
  }

  private static Currency currency(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("currency", code, "is not an ISO 4217 currency code");
    }
  }
}

package dev.dropsync.inventory;

import java.util.Currency;

/**
 * Two amounts in different currencies were combined.
 *
 * @since 0.1.0
 */
public class CurrencyMismatchException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** @param expected the currency required @param actual the currency given */
  public CurrencyMismatchException(Currency expected, Currency actual) {
    super("currency", actual.getCurrencyCode(), "must be " + expected.getCurrencyCode());
  }
}

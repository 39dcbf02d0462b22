package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.FreightOption;
import java.util.List;

/**
 * Quotes freight options (e.g. CJ's freight calculation). Thread-safe. Contract: {@code
 * FreightQuotesContractTest} in the test-jar.
 *
 * @since 0.1.0
 */
public interface FreightQuotes {
  /**
   * The options for {@code request}; empty if nothing ships there.
   *
   * @throws RuntimeException if the quote service failed (the engine retries on the next run)
   */
  List<FreightOption> quote(FreightQuoteRequest request);
}

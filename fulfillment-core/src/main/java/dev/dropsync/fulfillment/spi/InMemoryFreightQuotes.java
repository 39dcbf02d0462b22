package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.FreightOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake freight service for host tests: fixed options per {@code (supplierId, country)}, falling
 * back to per-supplier and then default options; {@link #failNextQuotes} scripts outages.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class InMemoryFreightQuotes implements FreightQuotes {
  private final Map<String, List<FreightOption>> options = new ConcurrentHashMap<>();
  private volatile List<FreightOption> defaults;
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();

  /** A service that quotes {@code defaults} everywhere unless configured otherwise. */
  public InMemoryFreightQuotes(List<FreightOption> defaults) {
    this.defaults = List.copyOf(defaults);
  }

  /** Quotes {@code opts} for {@code supplierId} to {@code country} (null country = any country). */
  public InMemoryFreightQuotes options(String supplierId, @org.jspecify.annotations.Nullable String country, List<FreightOption> opts) {
    options.put(supplierId + "|" + (country == null ? "*" : country), List.copyOf(opts));
    return this;
  }

  /** Replaces the default options. */
  public InMemoryFreightQuotes defaults(List<FreightOption> opts) {
    this.defaults = List.copyOf(opts);
    return this;
  }

  /** The next {@code n} quote calls throw {@link SimulatedFailureException}. */
  public InMemoryFreightQuotes failNextQuotes(int n) {
    failures.set(n);
    return this;
  }

  /** Quote calls so far. */
  public int calls() {
    return calls.get();
  }

  @Override
  public List<FreightOption> quote(FreightQuoteRequest request) {
    Objects.requireNonNull(request, "request");
    calls.incrementAndGet();
    if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new SimulatedFailureException("freight service unavailable");
    }
    List<FreightOption> o = options.get(request.supplierId() + "|" + request.country());
    if (o == null) {
      o = options.get(request.supplierId() + "|*");
    }
    return o == null ? defaults : o;
  }
}

package dev.dropsync.examples.demo;

import dev.dropsync.cj.CjClientListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the CJ client's HTTP attempts per endpoint, its retries and its rate-limit waits, from the
 * {@link CjClientListener} events. Thread-safe.
 *
 * @since 0.1.0
 */
public final class CjCallCounter implements CjClientListener {
  private final ConcurrentHashMap<String, LongAdder> attempts = new ConcurrentHashMap<>();
  private final LongAdder retries = new LongAdder();
  private final LongAdder serverThrottles = new LongAdder();
  private final LongAdder failedAttempts = new LongAdder();
  private final AtomicLong limiterWaitNanos = new AtomicLong();
  private final AtomicLong throttleWaitNanos = new AtomicLong();

  @Override
  public void onRequest(RequestEvent event) {
    attempts.computeIfAbsent(event.endpoint(), k -> new LongAdder()).increment();
  }

  @Override
  public void onResponse(ResponseEvent event) {
    if (event.failure() != null) {
      failedAttempts.increment();
    }
  }

  @Override
  public void onRetry(RetryEvent event) {
    retries.increment();
  }

  @Override
  public void onRateLimited(RateLimitEvent event) {
    if (event.serverThrottled()) {
      serverThrottles.increment();
      throttleWaitNanos.addAndGet(event.delay().toNanos());
    } else {
      limiterWaitNanos.addAndGet(event.delay().toNanos());
    }
  }

  /**
   * HTTP attempts sent, all endpoints.
   *
   * @return the count
   * @since 0.1.0
   */
  public long calls() {
    return attempts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /**
   * HTTP attempts per endpoint (e.g. {@code GET /product/query}), sorted by endpoint.
   *
   * @return the counts
   * @since 0.1.0
   */
  public Map<String, Long> callsByEndpoint() {
    Map<String, Long> out = new TreeMap<>();
    attempts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /**
   * Attempts the client retried.
   *
   * @return the count
   * @since 0.1.0
   */
  public long retries() {
    return retries.sum();
  }

  /**
   * Attempts that ended without a usable answer (transport error, 5xx, busy, throttled, ...).
   *
   * @return the count
   * @since 0.1.0
   */
  public long failedAttempts() {
    return failedAttempts.sum();
  }

  /**
   * Throttle answers (1600200 or 429) CJ sent.
   *
   * @return the count
   * @since 0.1.0
   */
  public long serverThrottles() {
    return serverThrottles.sum();
  }

  /**
   * Time calls waited for the client's own rate limiter, summed over every call (concurrent waits
   * add up).
   *
   * @return the total
   * @since 0.1.0
   */
  public Duration limiterWait() {
    return Duration.ofNanos(limiterWaitNanos.get());
  }

  /**
   * Time calls waited after CJ throttle answers, summed over every call.
   *
   * @return the total
   * @since 0.1.0
   */
  public Duration throttleWait() {
    return Duration.ofNanos(throttleWaitNanos.get());
  }
}

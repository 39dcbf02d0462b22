package dev.dropsync.cj.testkit;

import dev.dropsync.cj.testkit.internal.SimEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every call the simulator received, with assertion helpers: calls per endpoint, throttle violations,
 * duplicate orders and the highest observed request rate. Times are by the simulator's clock.
 *
 * <p>Thread-safe; each method returns a snapshot.
 *
 * @since 0.1.0
 */
public final class SimRecorder {
  private final SimEngine engine;

  SimRecorder(SimEngine engine) {
    this.engine = engine;
  }

  /**
   * All recorded calls in arrival order.
   *
   * @return all recorded calls in arrival order
   * @since 0.1.0
   */
  public List<RecordedCall> calls() {
    return engine.calls();
  }

  /**
   * The recorded calls of one endpoint, in arrival order.
   *
   * @param endpoint the endpoint
   * @return the recorded calls of one endpoint, in arrival order
   * @since 0.1.0
   */
  public List<RecordedCall> calls(Endpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return engine.calls().stream().filter(c -> c.endpoint() == endpoint).toList();
  }

  /**
   * How many calls {@code endpoint} received (including throttled and faulted ones).
   *
   * @param endpoint the endpoint
   * @return how many calls {@code endpoint} received (including throttled and faulted ones)
   * @since 0.1.0
   */
  public int count(Endpoint endpoint) {
    return calls(endpoint).size();
  }

  /**
   * Calls per endpoint, for endpoints called at least once.
   *
   * @return calls per endpoint, for endpoints called at least once
   * @since 0.1.0
   */
  public Map<Endpoint, Integer> countsByEndpoint() {
    Map<Endpoint, Integer> out = new TreeMap<>();
    for (RecordedCall c : engine.calls()) {
      Endpoint e = c.endpoint();
      if (e != null) {
        out.merge(e, 1, Integer::sum);
      }
    }
    return out;
  }

  /**
   * How many calls got the throttle answer (code 1600200: QPS breach or token request limit), excluding
   * injected {@link Fault#tooManyRequests()} faults.
   *
   * @return how many calls got the throttle answer (code 1600200: QPS breach or token request limit), excluding injected {@link Fault#tooManyRequests()} faults
   * @since 0.1.0
   */
  public int throttleViolations() {
    return (int) engine.calls().stream().filter(c -> c.throttled() && c.fault() == null).count();
  }

  /**
   * Order numbers for which the simulator created more than one order (CJ accepts duplicates, each one
   * chargeable). Empty when every order number was used once.
   *
   * @return order numbers for which the simulator created more than one order (CJ accepts duplicates, each one chargeable)
   * @since 0.1.0
   */
  public Set<String> duplicateOrderNumbers() {
    Map<String, Integer> n = new HashMap<>();
    Set<String> dup = new LinkedHashSet<>();
    for (SimOrder o : engine.orders()) {
      if (n.merge(o.orderNumber(), 1, Integer::sum) > 1) {
        dup.add(o.orderNumber());
      }
    }
    return dup;
  }

  /**
   * The highest number of calls one account made within any window of {@code window} length (both ends
   * inclusive, the way CJ counts), over calls that carried an access token. With a 1 s window and a QPS
   * limit of N, a client that respects the limit shows at most N.
   *
   * @return the highest number of calls one account made within any window of {@code window} length (both ends inclusive, the way CJ counts), over calls that carried an access token
   * @param window the window, positive
   * @throws IllegalArgumentException if {@code window} is not positive
   * @since 0.1.0
   */
  public int maxCallsWithin(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive but was " + window);
    }
    Map<String, List<Instant>> byAccount = new HashMap<>();
    for (RecordedCall c : engine.calls()) {
      Endpoint e = c.endpoint();
      if (c.openId() != null && e != null && e.requiresToken()) {
        byAccount.computeIfAbsent(c.openId(), k -> new ArrayList<>()).add(c.time());
      }
    }
    int max = 0;
    for (List<Instant> times : byAccount.values()) {
      times.sort(null);
      int start = 0;
      for (int end = 0; end < times.size(); end++) {
        while (times.get(start).isBefore(times.get(end).minus(window))) {
          start++;
        }
        max = Math.max(max, end - start + 1);
      }
    }
    return max;
  }

  /**
   * Forgets all recorded calls (orders are kept, so {@link #duplicateOrderNumbers()} is unaffected).
   *
   * @since 0.1.0
   */
  public void clear() {
    engine.clearCalls();
  }
}

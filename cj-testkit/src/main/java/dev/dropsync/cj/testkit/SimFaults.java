package dev.dropsync.cj.testkit;

import dev.dropsync.cj.testkit.internal.SimEngine;
import java.util.List;
import java.util.Objects;

/**
 * Schedules injected failures. Faults queued with {@link #next} are used first, in order, one per matching
 * call; then {@link #nextAny} faults (any endpoint); then a {@link #rate} fault fires with its probability
 * (drawn from a random generator seeded by the builder's seed, so runs repeat).
 *
 * <p>Thread-safe; changes apply to the next call that arrives.
 *
 * @since 0.1.0
 */
public final class SimFaults {
  private final SimEngine engine;

  SimFaults(SimEngine engine) {
    this.engine = engine;
  }

  /**
   * Applies {@code fault} to the next {@code times} calls of {@code endpoint}.
   *
   * @param endpoint the endpoint to fail
   * @param times how many calls, at least 1
   * @param fault the failure
   * @return this
   * @throws IllegalArgumentException if {@code times < 1}
   * @since 0.1.0
   */
  public SimFaults next(Endpoint endpoint, int times, Fault fault) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(fault, "fault");
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1 but was " + times);
    }
    engine.addFault(endpoint, times, fault);
    return this;
  }

  /**
   * Applies {@code fault} to the next {@code times} calls of any endpoint.
   *
   * @param times how many calls, at least 1
   * @param fault the failure
   * @return this
   * @throws IllegalArgumentException if {@code times < 1}
   * @since 0.1.0
   */
  public SimFaults nextAny(int times, Fault fault) {
    Objects.requireNonNull(fault, "fault");
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1 but was " + times);
    }
    engine.addFault(null, times, fault);
    return this;
  }

  /**
   * Makes each call of {@code endpoint} fail with {@code fault} with the given probability, until changed;
   * probability 0 removes the rate fault.
   *
   * @param endpoint the endpoint
   * @param probability 0.0 to 1.0
   * @param fault the failure
   * @return this
   * @throws IllegalArgumentException if {@code probability} is outside [0, 1]
   * @since 0.1.0
   */
  public SimFaults rate(Endpoint endpoint, double probability, Fault fault) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(fault, "fault");
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1] but was " + probability);
    }
    engine.rateFault(endpoint, probability, fault);
    return this;
  }

  /**
   * Makes each call of {@code endpoint} fail with the given probability, with a fault drawn uniformly
   * from {@code faults} (both draws from the builder's seed, so runs repeat), until changed;
   * probability 0 removes the rate fault. Replaces any rate fault of the endpoint set before.
   *
   * <pre>{@code
   * for (Endpoint e : List.of(Endpoint.PRODUCT_QUERY, Endpoint.CREATE_ORDER_V2)) {
   *   sim.faults().rate(e, 0.1, List.of(Fault.busy(), Fault.serverError(502), Fault.lostResponse()));
   * }
   * }</pre>
   *
   * @param endpoint the endpoint
   * @param probability 0.0 to 1.0
   * @param faults the failures to choose from, at least one
   * @return this
   * @throws IllegalArgumentException if {@code probability} is outside [0, 1] or {@code faults} is empty
   * @since 0.1.0
   */
  public SimFaults rate(Endpoint endpoint, double probability, List<Fault> faults) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(faults, "faults");
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1] but was " + probability);
    }
    if (faults.isEmpty()) {
      throw new IllegalArgumentException("faults must not be empty");
    }
    for (Fault f : faults) {
      Objects.requireNonNull(f, "faults element");
    }
    engine.rateFaults(endpoint, probability, faults);
    return this;
  }

  /**
   * How many queued {@link #next} faults for {@code endpoint} have not fired yet.
   *
   * @param endpoint the endpoint
   * @return how many queued {@link #next} faults for {@code endpoint} have not fired yet
   * @since 0.1.0
   */
  public int pending(Endpoint endpoint) {
    return engine.pendingFaults(Objects.requireNonNull(endpoint, "endpoint"));
  }

  /**
   * Removes every queued and rate fault.
   *
   * @since 0.1.0
   */
  public void clear() {
    engine.clearFaults();
  }

  /**
   * Expires every live access token now (token expiry on demand); refresh tokens keep working.
   *
   * @return how many access tokens were expired
   * @since 0.1.0
   */
  public int expireAccessTokens() {
    return engine.expireTokens(false);
  }

  /**
   * Expires every access and refresh token now, so the client must call getAccessToken again.
   *
   * @return how many access tokens were expired
   * @since 0.1.0
   */
  public int expireAllTokens() {
    return engine.expireTokens(true);
  }
}

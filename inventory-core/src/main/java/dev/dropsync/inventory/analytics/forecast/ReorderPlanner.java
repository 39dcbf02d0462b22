package dev.dropsync.inventory.analytics.forecast;

import dev.dropsync.inventory.analytics.internal.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Suggests reorder quantities. For each variant it forecasts daily demand with a {@link
 * DemandForecaster} over the lead time plus the cover period, then: d̄ = mean forecast per day over
 * the lead time (a fractional last day counts pro rata), σ = the forecast's sigma, {@code ROP = d̄·L
 * + z·σ·√L} ({@link ReorderPoint}), cover demand = forecast over the cover period after the lead time,
 * {@code quantity = max(0, ⌈ROP + cover − onHand − onOrder⌉)}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ReorderPlanner {

  private final DemandForecaster forecaster;
  private final ReorderPolicy policy;

  private ReorderPlanner(Builder b) {
    this.forecaster = b.forecaster;
    this.policy = b.policy;
  }

  /** A builder: default forecaster and default policy. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default policy of this planner. */
  public ReorderPolicy policy() {
    return policy;
  }

  /**
   * The suggestion for one variant under the planner's policy.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code request} is null
   */
  public ReorderSuggestion suggest(ReorderRequest request) {
    return suggest(request, policy);
  }

  /**
   * The suggestion for one variant under {@code policy} (e.g. a supplier-specific lead time).
   *
   * @throws dev.dropsync.inventory.InvalidInputException if an argument is null
   */
  public ReorderSuggestion suggest(ReorderRequest request, ReorderPolicy policy) {
    Check.notNull(request, "request");
    Check.notNull(policy, "policy");
    double lead = policy.leadTimeDays();
    double cover = policy.cover().toMillis() / 86_400_000.0;
    int horizon = Math.max(1, (int) Math.ceil(lead + cover - 1e-9));
    DemandForecast f = forecaster.predict(request.history(), horizon);
    double leadDemand = sum(f.daily(), 0, lead);
    double coverDemand = sum(f.daily(), lead, lead + cover);
    ReorderPoint rop = ReorderPoint.of(leadDemand / lead, f.sigma(), lead, policy.serviceLevel());
    long position = request.onHand() + request.onOrder();
    long qty = (long) Math.max(0, Math.ceil(rop.value() + coverDemand - position - 1e-9));
    return new ReorderSuggestion(
        request.tenant(),
        request.product(),
        request.variant(),
        f.method(),
        f.profile(),
        SalesVelocity.of(request.history()),
        rop,
        coverDemand,
        request.onHand(),
        request.onOrder(),
        position <= rop.value(),
        qty);
  }

  /**
   * Suggestions for many variants, in request order (a planning pass).
   *
   * @throws dev.dropsync.inventory.InvalidInputException if the list or an element is null
   */
  public List<ReorderSuggestion> suggestAll(List<ReorderRequest> requests) {
    Check.notNull(requests, "requests");
    List<ReorderSuggestion> out = new ArrayList<>(requests.size());
    for (ReorderRequest r : requests) {
      out.add(suggest(r));
    }
    return List.copyOf(out);
  }

  // Sum of daily values over the continuous day interval [from, to).
  private static double sum(List<Double> daily, double from, double to) {
    double s = 0;
    for (int d = (int) Math.floor(from); d < daily.size() && d < to; d++) {
      double overlap = Math.min(to, d + 1) - Math.max(from, d);
      if (overlap > 0) {
        s += daily.get(d) * overlap;
      }
    }
    return s;
  }

  /**
   * Builds a {@link ReorderPlanner}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private DemandForecaster forecaster = DemandForecaster.defaults();
    private ReorderPolicy policy = ReorderPolicy.builder().build();

    private Builder() {}

    /** The forecaster; default {@link DemandForecaster#defaults()}. */
    public Builder forecaster(DemandForecaster forecaster) {
      this.forecaster = Check.notNull(forecaster, "forecaster");
      return this;
    }

    /** The default policy; default {@link ReorderPolicy#builder()} values. */
    public Builder policy(ReorderPolicy policy) {
      this.policy = Check.notNull(policy, "policy");
      return this;
    }

    /** Builds the planner. */
    public ReorderPlanner build() {
      return new ReorderPlanner(this);
    }
  }
}

package dev.dropsync.fulfillment;

import dev.dropsync.inventory.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the {@link CommissionPolicy} of a tenant: a tenant override first, then the policy of
 * the tenant's plan (found with {@link Builder#planOf}), then the default ({@link
 * CommissionPolicy#DEFAULT} unless set). The policy used is captured on the order when its
 * commission is recorded, so later refunds reverse by the same rule. Immutable and thread-safe (if
 * the plan function is).
 *
 * @since 0.1.0
 */
public final class CommissionPolicies {
  private final CommissionPolicy defaultPolicy;
  private final Map<String, CommissionPolicy> byPlan;
  private final Map<TenantId, CommissionPolicy> byTenant;
  private final Function<TenantId, @Nullable String> planOf;

  private CommissionPolicies(Builder b) {
    this.defaultPolicy = b.defaultPolicy;
    this.byPlan = Map.copyOf(b.byPlan);
    this.byTenant = Map.copyOf(b.byTenant);
    this.planOf = b.planOf;
  }

  /** 30/70 of the order total for everyone. */
  public static CommissionPolicies defaults() {
    return builder().build();
  }

  /** A new builder. Not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policy for {@code tenant}. */
  public CommissionPolicy policyFor(TenantId tenant) {
    CommissionPolicy p = byTenant.get(tenant);
    if (p != null) {
      return p;
    }
    String plan = planOf.apply(tenant);
    if (plan != null) {
      CommissionPolicy pp = byPlan.get(plan);
      if (pp != null) {
        return pp;
      }
    }
    return defaultPolicy;
  }

  /**
   * Builds {@link CommissionPolicies}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private CommissionPolicy defaultPolicy = CommissionPolicy.DEFAULT;
    private final Map<String, CommissionPolicy> byPlan = new HashMap<>();
    private final Map<TenantId, CommissionPolicy> byTenant = new HashMap<>();
    private Function<TenantId, @Nullable String> planOf = t -> null;

    private Builder() {}

    /** The fallback policy; default 30 % client of the order total. */
    public Builder defaultPolicy(CommissionPolicy policy) {
      this.defaultPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The policy of plan {@code plan} (e.g. {@code "pro"}). */
    public Builder plan(String plan, CommissionPolicy policy) {
      byPlan.put(Objects.requireNonNull(plan, "plan"), Objects.requireNonNull(policy, "policy"));
      return this;
    }

    /** A per-tenant override. */
    public Builder tenant(TenantId tenant, CommissionPolicy policy) {
      byTenant.put(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(policy, "policy"));
      return this;
    }

    /** How to find a tenant's plan name (null = no plan); default: no plans. */
    public Builder planOf(Function<TenantId, @Nullable String> planOf) {
      this.planOf = Objects.requireNonNull(planOf, "planOf");
      return this;
    }

    /** The immutable policies. */
    public CommissionPolicies build() {
      return new CommissionPolicies(this);
    }
  }
}

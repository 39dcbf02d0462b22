package dev.dropsync.inventory;

import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A store owner and their settings. Immutable; derive changed copies with the {@code with*}
 * methods.
 *
 * @param id the tenant id
 * @param plan the subscription plan (limits come from the engine's {@link
 *     dev.dropsync.inventory.spi.PlanPolicy})
 * @param currency the currency of the tenant's costs and prices; supplier costs must be in it
 * @param outOfStockPolicy the default for products without their own policy
 * @param lowStockThreshold the tenant's low-stock threshold in units, or null to use the engine's
 * @since 0.1.0
 */
public record Tenant(
    TenantId id,
    Plan plan,
    Currency currency,
    OutOfStockPolicy outOfStockPolicy,
    @Nullable Long lowStockThreshold) {

  /** Validates. @throws InvalidInputException if the threshold is negative */
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(outOfStockPolicy, "outOfStockPolicy");
    if (lowStockThreshold != null && lowStockThreshold < 0) {
      throw new InvalidInputException("lowStockThreshold", lowStockThreshold, "must be >= 0");
    }
  }

  /** A tenant with policy {@link OutOfStockPolicy#DEACTIVATE} and the engine's low-stock threshold. */
  public static Tenant of(TenantId id, Plan plan, Currency currency) {
    return new Tenant(id, plan, currency, OutOfStockPolicy.DEACTIVATE, null);
  }

  /** This tenant on {@code newPlan}. */
  public Tenant withPlan(Plan newPlan) {
    return new Tenant(id, newPlan, currency, outOfStockPolicy, lowStockThreshold);
  }

  /** This tenant with another default out-of-stock policy. */
  public Tenant withOutOfStockPolicy(OutOfStockPolicy policy) {
    return new Tenant(id, plan, currency, policy, lowStockThreshold);
  }

  /** This tenant with its own low-stock threshold (null: use the engine's). */
  public Tenant withLowStockThreshold(@Nullable Long threshold) {
    return new Tenant(id, plan, currency, outOfStockPolicy, threshold);
  }
}

package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Plan;
import java.util.OptionalInt;

/**
 * Gives each plan its limit of active products. Hosts replace it to define their own plans.
 * Implementations must be thread-safe and side-effect free.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PlanPolicy {

  /**
   * The most products a tenant on {@code plan} may have {@link
   * dev.dropsync.inventory.ProductStatus#ACTIVE} at once.
   *
   * @param plan the plan
   * @return the limit, or empty for unlimited (never a negative sentinel)
   * @throws InvalidInputException if the policy does not know the plan
   */
  OptionalInt activeProductLimit(Plan plan);

  /**
   * The built-in plans: {@link Plan#FREE} 10, {@link Plan#PRO} 100, {@link Plan#PREMIUM}
   * unlimited; any other plan is rejected with {@link InvalidInputException}.
   */
  static PlanPolicy standard() {
    return plan -> {
      switch (plan.name()) {
        case "FREE":
          return OptionalInt.of(10);
        case "PRO":
          return OptionalInt.of(100);
        case "PREMIUM":
          return OptionalInt.empty();
        default:
          throw new InvalidInputException("plan", plan.name(), "is not one of FREE, PRO, PREMIUM");
      }
    };
  }
}

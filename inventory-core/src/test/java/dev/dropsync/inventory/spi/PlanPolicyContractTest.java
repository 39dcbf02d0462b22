package dev.dropsync.inventory.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.inventory.Plan;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link PlanPolicy} must have: non-negative, stable limits for its plans. */
public abstract class PlanPolicyContractTest {

  /** The policy under test. */
  protected abstract PlanPolicy policy();

  /** The plans the policy knows. */
  protected abstract List<Plan> plans();

  @Test
  void limitsAreEmptyOrNonNegativeAndStable() {
    for (Plan plan : plans()) {
      OptionalInt limit = policy().activeProductLimit(plan);
      if (limit.isPresent()) {
        assertThat(limit.getAsInt()).as("limit of %s", plan).isGreaterThanOrEqualTo(0);
      }
      assertThat(policy().activeProductLimit(plan)).isEqualTo(limit);
    }
  }
}

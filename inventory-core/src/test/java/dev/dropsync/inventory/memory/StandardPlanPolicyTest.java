package dev.dropsync.inventory.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.spi.PlanPolicy;
import dev.dropsync.inventory.spi.PlanPolicyContractTest;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StandardPlanPolicyTest extends PlanPolicyContractTest {
  @Override
  protected PlanPolicy policy() {
    return PlanPolicy.standard();
  }

  @Override
  protected List<Plan> plans() {
    return List.of(Plan.FREE, Plan.PRO, Plan.PREMIUM);
  }

  @Test
  void standardLimitsAreTenHundredAndUnlimited() {
    assertThat(policy().activeProductLimit(Plan.FREE)).isEqualTo(OptionalInt.of(10));
    assertThat(policy().activeProductLimit(Plan.PRO)).isEqualTo(OptionalInt.of(100));
    assertThat(policy().activeProductLimit(Plan.PREMIUM)).isEmpty();
    assertThatThrownBy(() -> policy().activeProductLimit(Plan.of("GOLD")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("GOLD");
  }
}

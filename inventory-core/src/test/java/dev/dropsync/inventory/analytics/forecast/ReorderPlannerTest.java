package dev.dropsync.inventory.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReorderPlannerTest {

  static final TenantId T = TenantId.of("t");
  static final ProductId P = ProductId.of("p");
  static final VariantId V = VariantId.of("v");

  @Test
  void reorderPointGoldenCase() {
    ReorderPoint rop = ReorderPoint.of(50, 12, 14, 0.95);
    assertThat(rop.z()).isCloseTo(1.6449, within(1e-4));
    assertThat(rop.safetyStock()).isCloseTo(73.85, within(0.01));
    assertThat(rop.safetyStockUnits()).isEqualTo(74);
    assertThat(rop.leadTimeDemand()).isEqualTo(700.0);
    assertThat(rop.value()).isCloseTo(773.85, within(0.01));
    assertThat(rop.units()).isEqualTo(774);
  }

  @Test
  void suggestionOnSteadyDemandMatchesHandComputation() {
    double[] y = new double[90];
    Arrays.fill(y, 50);
    ReorderPlanner planner =
        ReorderPlanner.builder()
            .policy(ReorderPolicy.builder().leadTime(Duration.ofDays(14)).serviceLevel(0.95).cover(Duration.ofDays(30)).build())
            .build();
    ReorderSuggestion s =
        planner.suggest(new ReorderRequest(T, P, V, DemandHistory.of(SyntheticDemand.START, y), 500, 200));
    // σ 0 → ROP = 50·14 = 700; cover = 50·30 = 1500; qty = 700 + 1500 − 500 − 200 = 1500
    assertThat(s.reorderPoint().value()).isCloseTo(700, within(1e-6));
    assertThat(s.coverDemand()).isCloseTo(1500, within(1e-6));
    assertThat(s.belowReorderPoint()).isTrue();
    assertThat(s.suggestedQuantity()).isEqualTo(1500);
    assertThat(s.method()).isEqualTo(ForecastMethod.EXPONENTIAL_SMOOTHING);
    assertThat(s.velocity().last7().getAsDouble()).isEqualTo(50.0);

    ReorderSuggestion stocked =
        planner.suggest(new ReorderRequest(T, P, V, DemandHistory.of(SyntheticDemand.START, y), 2000, 500));
    assertThat(stocked.belowReorderPoint()).isFalse();
    assertThat(stocked.suggestedQuantity()).isZero();
  }

  @Test
  void fractionalLeadTimeCountsTheLastDayProRata() {
    double[] y = new double[60];
    Arrays.fill(y, 10);
    ReorderPolicy policy =
        ReorderPolicy.builder().leadTime(Duration.ofHours(36)).cover(Duration.ZERO).build();
    ReorderSuggestion s =
        ReorderPlanner.builder().policy(policy).build()
            .suggest(new ReorderRequest(T, P, V, DemandHistory.of(SyntheticDemand.START, y), 0, 0));
    assertThat(s.reorderPoint().leadTimeDemand()).isCloseTo(15, within(1e-9));
    assertThat(s.suggestedQuantity()).isEqualTo(15);
  }

  @Test
  void higherServiceLevelNeverLowersTheSuggestion() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom r = new SplittableRandom(seed);
    for (int run = 0; run < 50; run++) {
      DemandHistory h = SyntheticDemand.seasonal(r.nextLong(), 90, 5 + r.nextInt(50), 0, 1 + r.nextInt(5), null);
      long onHand = r.nextInt(500);
      ReorderRequest req = new ReorderRequest(T, P, V, h, onHand, 0);
      ReorderPlanner planner = ReorderPlanner.builder().build();
      long low = planner.suggest(req, planner.policy().toBuilder().serviceLevel(0.8).build()).suggestedQuantity();
      long high = planner.suggest(req, planner.policy().toBuilder().serviceLevel(0.99).build()).suggestedQuantity();
      assertThat(high).as("seed %d run %d", seed, run).isGreaterThanOrEqualTo(low).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void suggestAllKeepsRequestOrder() {
    double[] y = new double[30];
    Arrays.fill(y, 2);
    DemandHistory h = DemandHistory.of(SyntheticDemand.START, y);
    List<ReorderSuggestion> out =
        ReorderPlanner.builder().build().suggestAll(
            List.of(new ReorderRequest(T, P, VariantId.of("a"), h, 0, 0), new ReorderRequest(T, P, VariantId.of("b"), h, 0, 0)));
    assertThat(out).extracting(ReorderSuggestion::variant).containsExactly(VariantId.of("a"), VariantId.of("b"));
  }

  @Test
  void badPolicyAndRequestValuesAreRejectedNamingTheField() {
    assertThatThrownBy(() -> ReorderPolicy.builder().leadTime(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("leadTime")
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> ReorderPolicy.builder().leadTime(Duration.ofDays(-1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("leadTime");
    assertThatThrownBy(() -> ReorderPolicy.builder().serviceLevel(1.0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("serviceLevel")
        .hasMessageContaining("1.0");
    assertThatThrownBy(() -> ReorderPolicy.builder().serviceLevel(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("serviceLevel");
    assertThatThrownBy(() -> ReorderPoint.of(50, 12, 0, 0.95))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("leadTime");
    assertThatThrownBy(() -> ReorderPoint.of(50, 12, 14, 1.2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("serviceLevel");
    DemandHistory h = DemandHistory.of(SyntheticDemand.START, new double[1]);
    assertThatThrownBy(() -> new ReorderRequest(T, P, V, h, -1, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("onHand")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new ReorderRequest(T, P, V, h, 0, -3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("onOrder");
  }
}

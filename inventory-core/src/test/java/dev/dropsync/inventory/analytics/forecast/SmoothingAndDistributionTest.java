package dev.dropsync.inventory.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dropsync.inventory.InvalidInputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmoothingAndDistributionTest {

  @Test
  void sesGoldenCase() {
    // 10 → 11 → 9.5 → 11.75 → 10.875 → 11.4375
    assertThat(ExponentialSmoothing.level(new double[] {10, 12, 8, 14, 10, 12}, 0.5)).isEqualTo(11.4375);
  }

  @Test
  void sesRejectsBadAlphaAndEmptyInput() {
    assertThatThrownBy(() -> ExponentialSmoothing.level(new double[] {1}, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("alpha");
    assertThatThrownBy(() -> ExponentialSmoothing.level(new double[0], 0.5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("values.length");
  }

  @Test
  void inverseNormalMatchesTables() {
    assertThat(NormalDistribution.inverseCdf(0.5)).isCloseTo(0, within(1e-9));
    assertThat(NormalDistribution.inverseCdf(0.95)).isCloseTo(1.6448536, within(1e-6));
    assertThat(NormalDistribution.inverseCdf(0.975)).isCloseTo(1.9599640, within(1e-6));
    assertThat(NormalDistribution.inverseCdf(0.99)).isCloseTo(2.3263479, within(1e-6));
    assertThat(NormalDistribution.inverseCdf(0.01)).isCloseTo(-2.3263479, within(1e-6));
    assertThat(NormalDistribution.inverseCdf(0.001)).isCloseTo(-3.0902323, within(1e-6));
    assertThat(NormalDistribution.inverseCdf(0.9999)).isCloseTo(3.7190165, within(1e-6));
  }

  @Test
  void inverseNormalIsSymmetricMonotoneAndInvertsTheCdf() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      double p = 1e-6 + r.nextDouble() * (1 - 2e-6);
      double z = NormalDistribution.inverseCdf(p);
      assertThat(NormalDistribution.inverseCdf(1 - p)).as("seed %d p %s", seed, p).isCloseTo(-z, within(1e-7));
      assertThat(NormalDistribution.cdf(z)).as("seed %d p %s", seed, p).isCloseTo(p, within(1e-6));
      assertThat(NormalDistribution.inverseCdf(Math.min(p + 1e-4, 1 - 1e-9))).as("seed %d", seed).isGreaterThan(z);
    }
  }

  @Test
  void inverseNormalRejectsProbabilitiesOutsideOpenUnitInterval() {
    assertThatThrownBy(() -> NormalDistribution.inverseCdf(1.0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("(0, 1)")
        .hasMessageContaining("1.0");
    assertThatThrownBy(() -> NormalDistribution.inverseCdf(0))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void crostonAndSbaMatchHandComputation() {
    // α 0.5: first demand 3 after 3 periods → z 3, p 3; then 5 after 4 → z 4, p 3.5;
    // then 4 after 2 → z 4, p 2.75. Croston 4/2.75; SBA × (1 − 0.25).
    double[] y = {0, 0, 3, 0, 0, 0, 5, 0, 4};
    assertThat(Croston.croston(y, 0.5)).isCloseTo(4 / 2.75, within(1e-12));
    assertThat(Croston.sba(y, 0.5)).isCloseTo(0.75 * 4 / 2.75, within(1e-12));
    assertThat(Croston.croston(new double[] {0, 0, 0}, 0.1)).isZero();
  }

  @Test
  void demandProfileClassifiesBySyntetosBoylanCroston() {
    assertThat(profile(5, 5, 5, 5).pattern()).isEqualTo(DemandPattern.SMOOTH);
    assertThat(profile(1, 9, 1, 9).pattern()).isEqualTo(DemandPattern.ERRATIC);
    DemandProfile intermittent = profile(0, 0, 2, 0, 0, 2, 0, 0, 2);
    assertThat(intermittent.adi()).isEqualTo(3.0);
    assertThat(intermittent.cv2()).isZero();
    assertThat(intermittent.pattern()).isEqualTo(DemandPattern.INTERMITTENT);
    DemandProfile lumpy = profile(0, 0, 1, 0, 0, 9); // sizes 1, 9: mean 5, var 16, CV² 0.64
    assertThat(lumpy.cv2()).isCloseTo(0.64, within(1e-12));
    assertThat(lumpy.pattern()).isEqualTo(DemandPattern.LUMPY);
    assertThat(profile(0, 0, 0).pattern()).isEqualTo(DemandPattern.NONE);
  }

  @Test
  void demandProfileIgnoresUnsellableDays() {
    DemandHistory h =
        DemandHistory.of(SyntheticDemand.START, new double[] {0, 0, 4, 4}, new boolean[] {false, false, true, true});
    assertThat(DemandProfile.of(h).adi()).isEqualTo(1.0);
    assertThat(DemandProfile.of(h).pattern()).isEqualTo(DemandPattern.SMOOTH);
  }

  @Test
  void velocityExcludesUnsellableDaysPerWindow() {
    double[] y = new double[90];
    boolean[] a = new boolean[90];
    for (int i = 0; i < 90; i++) {
      y[i] = i < 60 ? 1 : 4;
      a[i] = true;
    }
    a[89] = false; // out of stock on the last day, no sales
    y[89] = 0;
    SalesVelocity v = SalesVelocity.of(DemandHistory.of(SyntheticDemand.START, y, a));
    assertThat(v.last7().getAsDouble()).isEqualTo(4.0); // 6 sellable days of 4
    assertThat(v.last30().getAsDouble()).isEqualTo(4.0);
    assertThat(v.last90().getAsDouble()).isCloseTo((60 + 29 * 4) / 89.0, within(1e-12));
    assertThat(SalesVelocity.over(DemandHistory.of(SyntheticDemand.START, new double[] {3}, new boolean[] {false}), 7))
        .isEmpty();
  }

  static DemandProfile profile(double... y) {
    return DemandProfile.of(DemandHistory.of(SyntheticDemand.START, y));
  }
}

package dev.dropsync.inventory.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dropsync.inventory.InvalidInputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeasonalIndicesTest {

  @Test
  void recoversAPureWeeklyPattern() {
    double[] y = new double[5 * 7];
    for (int i = 0; i < y.length; i++) {
      y[i] = 10 * SyntheticDemand.WEEKLY[i % 7];
    }
    double[] idx = SeasonalIndices.ratioToMovingAverage(y, 7);
    double mean = 0;
    for (double w : SyntheticDemand.WEEKLY) {
      mean += w / 7;
    }
    for (int s = 0; s < 7; s++) {
      assertThat(idx[s]).isCloseTo(SyntheticDemand.WEEKLY[s] / mean, within(1e-9));
    }
  }

  @Test
  void recoversAMonthlyPatternWithAnEvenPeriodUnderTrend() {
    double[] m = {0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8};
    double[] y = new double[36];
    for (int i = 0; i < y.length; i++) {
      y[i] = (100 + 0.5 * i) * m[i % 12];
    }
    double[] idx = SeasonalIndices.ratioToMovingAverage(y, 12);
    for (int s = 0; s < 12; s++) {
      assertThat(idx[s]).isCloseTo(m[s], within(0.02));
    }
  }

  @Test
  void indicesAverageToOneOnRandomSeries() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom r = new SplittableRandom(seed);
    for (int run = 0; run < 500; run++) {
      int period = 2 + r.nextInt(13);
      int n = 2 * period + r.nextInt(60);
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = r.nextDouble() < 0.2 ? 0 : r.nextDouble() * 100;
      }
      double[] idx = SeasonalIndices.ratioToMovingAverage(y, period);
      double sum = 0;
      for (double v : idx) {
        assertThat(v).as("seed %d run %d", seed, run).isGreaterThanOrEqualTo(0).isFinite();
        sum += v;
      }
      assertThat(sum / period).as("seed %d run %d", seed, run).isCloseTo(1.0, within(1e-9));
    }
  }

  @Test
  void allZeroSeriesGivesNeutralIndices() {
    assertThat(SeasonalIndices.ratioToMovingAverage(new double[14], 7)).containsOnly(1.0);
  }

  @Test
  void needsTwoFullSeasons() {
    assertThatThrownBy(() -> SeasonalIndices.ratioToMovingAverage(new double[13], 7))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("values.length")
        .hasMessageContaining("13");
    assertThatThrownBy(() -> SeasonalIndices.ratioToMovingAverage(new double[13], 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("period");
  }
}

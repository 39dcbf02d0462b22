package dev.dropsync.inventory.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dropsync.inventory.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DemandForecasterTest {

  final DemandForecaster forecaster = DemandForecaster.defaults();

  @Test
  void constantDemandForecastsTheConstantWithZeroSigma() {
    double[] y = new double[60];
    Arrays.fill(y, 50);
    DemandForecast f = forecaster.predict(DemandHistory.of(SyntheticDemand.START, y), 10);
    assertThat(f.method()).isEqualTo(ForecastMethod.EXPONENTIAL_SMOOTHING);
    assertThat(f.daily()).hasSize(10).allSatisfy(d -> assertThat(d).isCloseTo(50.0, within(1e-9)));
    assertThat(f.sigma()).isCloseTo(0, within(1e-9));
    assertThat(f.start()).isEqualTo(SyntheticDemand.START.plusDays(60));
  }

  @Test
  void weeklySeasonIsDetectedAndReappliedByDayOfWeek() {
    DemandHistory h = SyntheticDemand.seasonal(7, 140, 30, 0, 1, null);
    DemandForecast f = forecaster.predict(h, 7);
    assertThat(f.method()).isEqualTo(ForecastMethod.SEASONAL_EXPONENTIAL_SMOOTHING);
    assertThat(f.weeklySeasonal()).isTrue();
    assertThat(f.yearlySeasonal()).isFalse();
    // history starts on a Monday and has 140 days, so the forecast starts on a Monday
    assertThat(h.end().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    double saturday = f.daily().get(5);
    double monday = f.daily().get(0);
    assertThat(saturday / monday).isCloseTo(1.4 / 0.8, within(0.15));
    assertThat(f.meanDaily()).isCloseTo(30 * Arrays.stream(SyntheticDemand.WEEKLY).average().orElseThrow(), within(2.0));
  }

  @Test
  void yearlySeasonIsDetectedFromTwoYearsAndUsedPerCalendarMonth() {
    double[] yearly = {0.6, 0.7, 0.8, 0.9, 1.0, 1.0, 1.0, 1.1, 1.2, 1.3, 1.6, 1.8};
    DemandHistory h = SyntheticDemand.seasonal(11, 3 * 365, 40, 0, 2, yearly);
    assertThat(h.end()).isEqualTo(LocalDate.of(2026, 12, 31));
    DemandForecast f = forecaster.predict(h, 200); // from Dec 31 through mid July
    assertThat(f.yearlySeasonal()).isTrue();
    assertThat(f.weeklySeasonal()).isTrue();
    double january = mean(f, 1, 31);
    double june = mean(f, 152, 181);
    assertThat(january / june).isCloseTo(0.6 / 1.0, within(0.12));
  }

  @Test
  void intermittentDemandUsesCrostonAndLumpyUsesSba() {
    double[] regular = new double[90];
    for (int i = 4; i < 90; i += 5) {
      regular[i] = 3;
    }
    DemandForecast c = forecaster.predict(DemandHistory.of(SyntheticDemand.START, regular), 7);
    assertThat(c.profile().pattern()).isEqualTo(DemandPattern.INTERMITTENT);
    assertThat(c.method()).isEqualTo(ForecastMethod.CROSTON);
    assertThat(c.daily().get(0)).isCloseTo(3 / 5.0, within(1e-9));

    double[] lumpy = regular.clone();
    for (int i = 4; i < 90; i += 10) {
      lumpy[i] = 20;
    }
    DemandForecast s = forecaster.predict(DemandHistory.of(SyntheticDemand.START, lumpy), 7);
    assertThat(s.profile().pattern()).isEqualTo(DemandPattern.LUMPY);
    assertThat(s.method()).isEqualTo(ForecastMethod.SBA);
    assertThat(s.daily().get(0)).isCloseTo(Croston.sba(lumpy, 0.1), within(1e-9));
  }

  @Test
  void noDemandOrEmptyHistoryForecastsZero() {
    DemandForecast f = forecaster.predict(DemandHistory.of(SyntheticDemand.START, new double[30]), 5);
    assertThat(f.method()).isEqualTo(ForecastMethod.NO_DEMAND);
    assertThat(f.daily()).containsOnly(0.0);
    assertThat(forecaster.predict(DemandHistory.of(SyntheticDemand.START, new double[0]), 3).daily())
        .containsExactly(0.0, 0.0, 0.0);
  }

  @Test
  void outOfStockDaysDoNotDragTheForecastDown() {
    double[] y = new double[60];
    boolean[] a = new boolean[60];
    Arrays.fill(y, 10);
    Arrays.fill(a, true);
    for (int i = 40; i < 55; i++) {
      y[i] = 0;
      a[i] = false;
    }
    DemandForecast f = forecaster.predict(DemandHistory.of(SyntheticDemand.START, y, a), 3);
    assertThat(f.daily()).allSatisfy(d -> assertThat(d).isCloseTo(10.0, within(1e-6)));
  }

  @Test
  void forecastsAreNeverNegative() {
    double[] y = new double[60];
    for (int i = 0; i < 60; i++) {
      y[i] = Math.max(0, 100 - 2 * i);
    }
    for (double d : forecaster.forecast(DemandHistory.of(SyntheticDemand.START, y), 60)) {
      assertThat(d).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void badSettingsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> DemandForecaster.builder().alpha(1.5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("alpha")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> DemandForecaster.builder().beta(-0.1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("beta");
    assertThatThrownBy(() -> forecaster.predict(DemandHistory.of(SyntheticDemand.START, new double[1]), 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("horizon");
    assertThatThrownBy(() -> DemandHistory.of(SyntheticDemand.START, new double[] {1, -2}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("demand[1]")
        .hasMessageContaining("-2");
  }

  private static double mean(DemandForecast f, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += f.daily().get(i);
    }
    return s / (to - from);
  }
}

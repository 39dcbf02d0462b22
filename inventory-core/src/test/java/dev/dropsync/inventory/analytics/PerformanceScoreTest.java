package dev.dropsync.inventory.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PerformanceScoreTest {

  static ProductKpis kpis(long units, String velocity, String margin, String turnover, String returnRate) {
    Money zero = Money.of("0", "USD");
    return new ProductKpis(
        TenantId.of("t"), ProductId.of("p"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 4),
        3, 3, units, 0, zero, zero, zero,
        opt(margin), opt(returnRate), opt(velocity), Optional.empty(), Optional.empty(), opt(turnover),
        Optional.empty(), Optional.empty(), 0, zero);
  }

  static Optional<BigDecimal> opt(String v) {
    return v.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(v));
  }

  @Test
  void defaultScoreMatchesDocumentedFormula() {
    // V = 5/6, M = min(1, 0.5909/0.5) = 1, T: t = 1.0385·365/3 = 126.35 → 126.35/132.35,
    // R = 1 − 0.1/0.2 = 0.5; 100·(0.35·0.8333 + 0.25 + 0.25·0.9547 + 0.15·0.5) = 85.53 → 86
    assertThat(PerformanceScore.defaults().score(kpis(10, "5", "0.5909", "1.0385", "0.1"))).isEqualTo(86);
  }

  @Test
  void noSalesScoresZeroAndEmptyComponentsScoreZero() {
    assertThat(PerformanceScore.defaults().score(kpis(0, "0", "", "", ""))).isZero();
    // only returns component known and perfect: 100 · 0.15 = 15
    assertThat(PerformanceScore.defaults().score(kpis(1, "", "", "", "0"))).isEqualTo(15);
  }

  @Test
  void moreReturnsNeverRaiseTheScore() {
    PerformanceScore s = PerformanceScore.defaults();
    int previous = 101;
    for (int r = 0; r <= 30; r++) {
      int score = s.score(kpis(10, "2", "0.3", "0.5", String.valueOf(r / 100.0)));
      assertThat(score).isBetween(0, 100).isLessThanOrEqualTo(previous);
      previous = score;
    }
  }

  @Test
  void customWeightsAreNormalised() {
    PerformanceScore marginOnly = PerformanceScore.builder().weights(0, 2, 0, 0).build();
    assertThat(marginOnly.score(kpis(10, "5", "0.25", "1", "0"))).isEqualTo(50);
  }

  @Test
  void invalidWeightsAreRejected() {
    assertThatThrownBy(() -> PerformanceScore.builder().weights(-1, 1, 1, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("velocityWeight");
    assertThatThrownBy(() -> PerformanceScore.builder().weights(0, 0, 0, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("weights");
    assertThatThrownBy(() -> PerformanceScore.builder().targetMargin(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("targetMargin");
  }
}

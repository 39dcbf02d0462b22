package dev.dropsync.inventory.analytics.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.StockObservation;
import dev.dropsync.inventory.analytics.StockState;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link StockHistory} contract. Host implementations extend this class and implement {@link
 * #newHistory()} returning an empty history.
 */
public abstract class StockHistoryContractTest {

  private static final TenantId T1 = TenantId.of("t1");
  private static final TenantId T2 = TenantId.of("t2");
  private static final ProductId P1 = ProductId.of("p1");
  private static final ProductId P2 = ProductId.of("p2");
  private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

  private StockHistory history;

  /** A new, empty history. */
  protected abstract StockHistory newHistory();

  @BeforeEach
  void setUp() {
    history = newHistory();
  }

  private static StockObservation obs(TenantId t, ProductId p, String v, LocalDate d, long onHand) {
    return new StockObservation(
        t, p, VariantId.of(v), d, onHand, Money.of("2.00", "USD"), StockState.ACTIVE, 0);
  }

  @Test
  void observationsAreReturnedByDateThenVariantWithinHalfOpenRange() {
    StockObservation b1 = obs(T1, P1, "b", D1, 1);
    StockObservation a1 = obs(T1, P2, "a", D1, 2);
    StockObservation a2 = obs(T1, P2, "a", D1.plusDays(1), 3);
    StockObservation outside = obs(T1, P1, "b", D1.plusDays(2), 4);
    history.record(a2);
    history.record(outside);
    history.record(b1);
    history.record(a1);
    assertThat(history.observations(T1, D1, D1.plusDays(2))).containsExactly(a1, b1, a2);
    assertThat(history.observations(T1, P1, D1, D1.plusDays(3))).containsExactly(b1, outside);
  }

  @Test
  void recordingTheSameVariantAndDayReplaces() {
    history.record(obs(T1, P1, "v", D1, 5));
    StockObservation later = obs(T1, P1, "v", D1, 7);
    history.record(later);
    assertThat(history.observations(T1, D1, D1.plusDays(1))).containsExactly(later);
  }

  @Test
  void tenantsAreIsolated() {
    history.record(obs(T1, P1, "v", D1, 5));
    assertThat(history.observations(T2, D1, D1.plusDays(1))).isEmpty();
    assertThat(history.observations(T2, P1, D1, D1.plusDays(1))).isEmpty();
  }

  @Test
  void invertedRangeIsRejected() {
    assertThatThrownBy(() -> history.observations(T1, D1, D1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("from");
  }
}

package dev.dropsync.inventory.analytics.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.InventoryHealth;
import dev.dropsync.inventory.analytics.ProductAnalytics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link AnalyticsSnapshotStore} contract. Host implementations extend this class and implement
 * {@link #newStore()} returning an empty store.
 */
public abstract class AnalyticsSnapshotStoreContractTest {

  private static final TenantId T1 = TenantId.of("t1");
  private static final TenantId T2 = TenantId.of("t2");
  private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

  private AnalyticsSnapshotStore store;

  /** A new, empty store. */
  protected abstract AnalyticsSnapshotStore newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
  }

  private static ProductAnalytics row(TenantId t, String product, LocalDate d, long units) {
    return new ProductAnalytics(
        t,
        ProductId.of(product),
        d,
        units,
        0,
        Money.of("10.00", "USD").times(units),
        Money.of("4.00", "USD").times(units),
        Optional.of(BigDecimal.ZERO),
        Optional.of(new BigDecimal("1.5000")),
        Optional.empty(),
        Optional.empty(),
        3,
        Money.of("6.00", "USD"),
        42);
  }

  private static InventoryHealth health(TenantId t, LocalDate d, long units) {
    return new InventoryHealth(
        t, d, Money.of("100.00", "USD"), 3, 1, 1, 0, units, Money.of("50.00", "USD"),
        Optional.of(new BigDecimal("12.5000")), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void savedDayIsReadBack() {
    ProductAnalytics a = row(T1, "a", D1, 1);
    ProductAnalytics b = row(T1, "b", D1, 2);
    store.saveDay(health(T1, D1, 3), List.of(b, a));
    assertThat(store.inventoryHealth(T1, D1)).contains(health(T1, D1, 3));
    assertThat(store.productAnalytics(T1, D1)).containsExactly(a, b);
    assertThat(store.productAnalytics(T1, D1, ProductId.of("b"))).contains(b);
  }

  @Test
  void savingTheSameDayAgainReplacesInsteadOfDuplicating() {
    store.saveDay(health(T1, D1, 3), List.of(row(T1, "a", D1, 1)));
    store.saveDay(health(T1, D1, 9), List.of(row(T1, "a", D1, 9)));
    store.save(row(T1, "a", D1, 9));
    assertThat(store.inventoryHealth(T1, D1)).contains(health(T1, D1, 9));
    assertThat(store.productAnalytics(T1, D1)).containsExactly(row(T1, "a", D1, 9));
  }

  @Test
  void productHistoryIsOrderedByDateWithinHalfOpenRange() {
    for (int i = 0; i < 4; i++) {
      store.save(row(T1, "a", D1.plusDays(i), i));
    }
    assertThat(store.productHistory(T1, ProductId.of("a"), D1.plusDays(1), D1.plusDays(3)))
        .extracting(ProductAnalytics::date)
        .containsExactly(D1.plusDays(1), D1.plusDays(2));
  }

  @Test
  void tenantsAreIsolated() {
    store.saveDay(health(T1, D1, 3), List.of(row(T1, "a", D1, 1)));
    assertThat(store.inventoryHealth(T2, D1)).isEmpty();
    assertThat(store.productAnalytics(T2, D1)).isEmpty();
    assertThat(store.productHistory(T2, ProductId.of("a"), D1, D1.plusDays(1))).isEmpty();
  }

  @Test
  void dayWithRowOfAnotherTenantOrDateIsRejectedAtomically() {
    assertThatThrownBy(
            () -> store.saveDay(health(T1, D1, 3), List.of(row(T1, "a", D1, 1), row(T2, "b", D1, 1))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tenant");
    assertThatThrownBy(
            () -> store.saveDay(health(T1, D1, 3), List.of(row(T1, "a", D1.plusDays(1), 1))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("date");
    assertThat(store.inventoryHealth(T1, D1)).isEmpty();
    assertThat(store.productAnalytics(T1, D1)).isEmpty();
  }
}

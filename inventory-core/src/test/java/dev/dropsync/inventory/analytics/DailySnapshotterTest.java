package dev.dropsync.inventory.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.spi.TenantSettingsSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailySnapshotterTest {

  static final TenantId T = InventoryAnalyticsTest.T;
  static final LocalDate NOV3 = LocalDate.of(2026, 11, 3);

  InMemoryAnalyticsSnapshotStore store;
  MutableClock clock;
  DailySnapshotter snapshotter;

  @BeforeEach
  void setUp() {
    InMemorySalesLedger ledger = new InMemorySalesLedger();
    InMemoryStockHistory stock = new InMemoryStockHistory();
    InventoryAnalyticsTest.populate(ledger, stock);
    InventoryAnalytics analytics =
        InventoryAnalytics.builder()
            .salesLedger(ledger)
            .stockHistory(stock)
            .tenantSettings(
                TenantSettingsSource.fixed(
                    new TenantSettings(ZoneId.of("Europe/Paris"), Currency.getInstance("EUR"))))
            .build();
    store = new InMemoryAnalyticsSnapshotStore();
    // 23:30Z on Nov 3 is already 00:30 on Nov 4 in Paris
    clock = new MutableClock(Instant.parse("2026-11-03T23:30:00Z"));
    snapshotter = DailySnapshotter.builder().analytics(analytics).store(store).clock(clock).window(3).build();
  }

  @Test
  void previousDayFollowsTheTenantsZoneAndStoresHandComputedRows() {
    DailySnapshot snap = snapshotter.snapshotPreviousDay(T);
    InventoryHealth h = snap.health();
    assertThat(h.date()).isEqualTo(NOV3);
    assertThat(h.stockValue()).isEqualTo(Money.of("60.00", "EUR"));
    assertThat(h.activeProducts()).isEqualTo(1);
    assertThat(h.lowStockProducts()).isEqualTo(1);
    assertThat(h.outOfStockProducts()).isEqualTo(1);
    assertThat(h.inactiveProducts()).isEqualTo(1);
    assertThat(h.unitsSold()).isEqualTo(3); // o2, 00:30 Nov 3 in Paris
    assertThat(h.revenue()).isEqualTo(Money.of("30.00", "EUR"));
    assertThat(h.averageStock()).contains(new BigDecimal("11.6667")); // trailing 3 days = Nov 1–3
    assertThat(h.turnover()).contains(new BigDecimal("0.9643"));

    ProductAnalytics p1 = store.productAnalytics(T, NOV3, ProductId.of("p1")).orElseThrow();
    assertThat(p1.unitsSold()).isEqualTo(3);
    assertThat(p1.revenue()).isEqualTo(Money.of("30.00", "EUR"));
    assertThat(p1.profit()).isEqualTo(Money.of("18.00", "EUR"));
    assertThat(p1.velocity()).contains(new BigDecimal("5.0000"));
    assertThat(p1.returnRate()).contains(new BigDecimal("0.1000"));
    assertThat(p1.closingStock()).isEqualTo(10);
    assertThat(p1.score()).isEqualTo(86);
    assertThat(store.productAnalytics(T, NOV3)).hasSize(3);
    assertThat(store.inventoryHealth(T, NOV3)).contains(h);
  }

  @Test
  void rerunningADayReplacesItsRows() {
    snapshotter.snapshot(T, NOV3);
    snapshotter.snapshot(T, NOV3);
    assertThat(store.productAnalytics(T, NOV3)).hasSize(3);
    assertThat(store.productHistory(T, ProductId.of("p1"), NOV3.minusDays(5), NOV3.plusDays(1))).hasSize(1);
  }

  @Test
  void incompleteDayIsRejectedUntilTheClockPassesIt() {
    LocalDate nov4 = NOV3.plusDays(1);
    assertThatThrownBy(() -> snapshotter.snapshot(T, nov4))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("date")
        .hasMessageContaining("2026-11-04");
    clock.advance(Duration.ofDays(1));
    assertThat(snapshotter.snapshot(T, nov4).health().date()).isEqualTo(nov4);
  }

  @Test
  void dayWithoutStockFeedKeepsTheLastObservedStock() {
    LocalDate nov4 = NOV3.plusDays(1);
    clock.advance(Duration.ofDays(1));
    DailySnapshot snap = snapshotter.snapshot(T, nov4); // no observation on Nov 4
    ProductAnalytics p1 = store.productAnalytics(T, nov4, ProductId.of("p1")).orElseThrow();
    assertThat(p1.closingStock()).isEqualTo(10);
    assertThat(p1.unitsSold()).isEqualTo(7); // o4, 00:30 Nov 4 in Paris
    assertThat(snap.health().stockValue()).isEqualTo(Money.of("60.00", "EUR"));
  }

  @Test
  void concurrentRunsOfTheSameDayLeaveOneRowPerProduct() throws Exception {
    int threads = 4;
    java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(threads);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.List<java.util.concurrent.Future<DailySnapshot>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          barrier.await(30, java.util.concurrent.TimeUnit.SECONDS);
          return snapshotter.snapshot(T, NOV3);
        }));
      }
      DailySnapshot first = futures.get(0).get(60, java.util.concurrent.TimeUnit.SECONDS);
      for (java.util.concurrent.Future<DailySnapshot> f : futures) {
        assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(first);
      }
      assertThat(store.productAnalytics(T, NOV3)).containsExactlyElementsOf(first.products());
      assertThat(store.inventoryHealth(T, NOV3)).contains(first.health());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void windowMustBePositive() {
    assertThatThrownBy(() -> DailySnapshotter.builder().window(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("window");
  }
}

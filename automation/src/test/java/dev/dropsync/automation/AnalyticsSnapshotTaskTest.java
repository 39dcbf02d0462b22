package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.fulfillment.FulfillmentMetrics;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.InventoryHealth;
import dev.dropsync.inventory.analytics.Sale;
import dev.dropsync.inventory.analytics.StockObservation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code analytics_snapshot}: the tenant's previous day in its zone, idempotent per day, caught up after outages. */
class AnalyticsSnapshotTaskTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private final AutomationFixture fx = new AutomationFixture();
  private final TenantId shop = TenantId.of("shop-1");

  {
    fx.zones.put(shop, TOKYO); // before onboarding: schedules are placed in the tenant's zone
  }

  private final TenantAutomation t = fx.onboard("shop-1", Plan.PRO);
  private final Product mug = fx.product(shop, "CJ-MUG", 10, "4.20");

  @Test
  void theNightlyRunSnapshotsThePreviousDayInTheTenantsZone() {
    // 2026-01-01 10:00 in Tokyo = 01:00Z: a sale and a fulfilled order on the tenant's 1 January
    fx.clock.set(Instant.parse("2026-01-01T01:00:00Z"));
    fx.sales.recordSale(new Sale(shop, mug.id(), mug.variants().get(0).id(), 2, Money.of("19.99", "USD"),
        Money.of("4.20", "USD"), fx.clock.instant(), "1001"));
    fx.order(shop, "1001", mug, 2);
    t.fulfill(OrderId.of("1001"));
    fx.runDue();

    // the analytics schedule fires at 00:30 Tokyo on 2 January = 2026-01-01T15:30Z
    fx.clock.set(Instant.parse("2026-01-01T15:30:00Z"));
    fx.runDue();

    LocalDate day = LocalDate.parse("2026-01-01");
    InventoryHealth health = fx.snapshots.inventoryHealth(shop, day).orElseThrow();
    assertThat(health.unitsSold()).isEqualTo(2);
    assertThat(fx.snapshots.productAnalytics(shop, day)).singleElement()
        .satisfies(p -> assertThat(p.unitsSold()).isEqualTo(2));
    FulfillmentMetrics m = fx.metrics.find(shop, day).orElseThrow();
    assertThat(m.zone()).isEqualTo(TOKYO);
    assertThat(m.kpis().orders()).isEqualTo(1);
    List<StockObservation> closing = fx.stockHistory.observations(shop, day, day.plusDays(1));
    // the hourly syncs keep on hand at the supplier's level (10): the closing stock is what the shop holds at the close
    long onHand = t.product(mug.id()).variants().get(0).onHand();
    assertThat(closing).singleElement().satisfies(o -> {
      assertThat(o.onHand()).isEqualTo(onHand);
      assertThat(o.unitCost()).isEqualTo(Money.of("4.20", "USD"));
      assertThat(o.lowStockThreshold()).isEqualTo(5);
    });
    assertThat(fx.metrics.find(shop, LocalDate.parse("2026-01-02"))).isEmpty();
  }

  @Test
  void snapshottingADayAgainReplacesItsRows() {
    fx.clock.set(Instant.parse("2026-01-01T01:00:00Z"));
    fx.sales.recordSale(new Sale(shop, mug.id(), mug.variants().get(0).id(), 1, Money.of("19.99", "USD"),
        Money.of("4.20", "USD"), fx.clock.instant(), "1001"));
    fx.clock.set(Instant.parse("2026-01-02T01:00:00Z"));
    LocalDate day = LocalDate.parse("2026-01-01");

    DaySnapshot first = t.snapshotDay(day);
    DaySnapshot second = t.snapshotDay(day);

    assertThat(second.inventory()).isEqualTo(first.inventory());
    assertThat(second.fulfillment()).isEqualTo(first.fulfillment());
    assertThat(fx.snapshots.productAnalytics(shop, day)).hasSize(1);
    assertThat(fx.stockHistory.observations(shop, day, day.plusDays(1))).hasSize(1);
    assertThat(fx.metrics.list(shop, day, day.plusDays(1))).hasSize(1);
  }

  @Test
  void daysMissedDuringAnOutageAreCaughtUpEachWithItsOwnDay() {
    fx.clock.set(Instant.parse("2026-01-05T03:00:00Z")); // down since 1 January
    fx.runDue();
    // fires at 00:30 Tokyo on 2, 3, 4 and 5 January (15:30Z the day before), each for the day before
    assertThat(fx.metrics.find(shop, LocalDate.parse("2025-12-31"))).isEmpty();
    for (String d : List.of("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04")) {
      assertThat(fx.metrics.find(shop, LocalDate.parse(d))).as(d).isPresent();
      assertThat(fx.snapshots.inventoryHealth(shop, LocalDate.parse(d))).as(d).isPresent();
    }
    // closing stock is only observed by a run on the following day, not by late catch-up runs
    assertThat(fx.stockHistory.observations(shop, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-04"))).isEmpty();
    assertThat(fx.stockHistory.observations(shop, LocalDate.parse("2026-01-04"), LocalDate.parse("2026-01-05"))).hasSize(1);
  }

  @Test
  void onlyCompletedDaysCanBeSnapshotted() {
    fx.clock.set(Instant.parse("2026-01-01T16:00:00Z")); // already 2 January in Tokyo
    assertThatThrownBy(() -> t.snapshotDay(LocalDate.parse("2026-01-02")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("day").hasMessageContaining("2026-01-02");
    assertThat(t.snapshotDay(LocalDate.parse("2026-01-01")).zone()).isEqualTo(TOKYO);
    fx.clock.advance(Duration.ofMinutes(1));
  }
}

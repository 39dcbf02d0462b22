package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.TaskStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code stock_alert}: one alert per downward crossing, re-armed when stock recovers, delivered at least once. */
class StockAlertTaskTest {
  private final AutomationFixture fx = new AutomationFixture();
  private final TenantId shop = TenantId.of("shop-1");
  private final TenantAutomation t = fx.onboard("shop-1", Plan.PRO);
  private final Product mug = fx.product(shop, "CJ-MUG", 10, "4.20"); // engine default threshold: 5
  private final VariantId v = mug.variants().get(0).id();

  private void stock(long onHand) {
    fx.inventory.engine().applySupplierStock(shop, v, onHand, "test");
  }

  private List<StockAlert> check() {
    fx.clock.advance(Duration.ofMinutes(1));
    fx.alerts.clear();
    AutomationTask task = t.checkStockNow();
    fx.runDue();
    assertThat(t.task(task.id()).status()).isEqualTo(TaskStatus.COMPLETED);
    return fx.alerts.delivered();
  }

  @Test
  void alertsFireOncePerCrossingAndReArmWhenStockRecovers() {
    assertThat(check()).isEmpty();

    stock(3);
    List<StockAlert> low = check();
    assertThat(low).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(StockAlertKind.LOW_STOCK);
      assertThat(a.available()).isEqualTo(3);
      assertThat(a.threshold()).isEqualTo(5);
      assertThat(a.sku()).isEqualTo("CJ-MUG-SKU");
      assertThat(a.tenant()).isEqualTo(shop);
    });
    assertThat(check()).isEmpty();
    stock(2);
    assertThat(check()).isEmpty();

    stock(0);
    assertThat(check()).extracting(StockAlert::kind).containsExactly(StockAlertKind.OUT_OF_STOCK);
    assertThat(t.openStockAlerts()).extracting(StockAlert::kind)
        .containsExactlyInAnyOrder(StockAlertKind.LOW_STOCK, StockAlertKind.OUT_OF_STOCK);

    stock(4);
    assertThat(check()).isEmpty();
    assertThat(t.openStockAlerts()).extracting(StockAlert::kind).containsExactly(StockAlertKind.LOW_STOCK);

    stock(8);
    assertThat(check()).isEmpty();
    assertThat(t.openStockAlerts()).isEmpty();

    stock(1);
    List<StockAlert> again = check();
    assertThat(again).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(StockAlertKind.LOW_STOCK);
      assertThat(a.alertId()).isNotEqualTo(low.get(0).alertId());
    });
    assertThat(t.stockAlerts(fx.clock.instant().minus(Duration.ofDays(1)), fx.clock.instant().plusSeconds(1)))
        .extracting(StockAlert::kind)
        .containsExactly(StockAlertKind.LOW_STOCK, StockAlertKind.OUT_OF_STOCK, StockAlertKind.LOW_STOCK);
  }

  @Test
  void aFailedDeliveryIsRetriedWithTheSameAlert() {
    stock(2);
    fx.alerts.failNext(1);
    AutomationTask task = t.checkStockNow();
    fx.runDue();
    assertThat(t.task(task.id()).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(fx.alerts.delivered()).isEmpty();
    StockAlert open = t.openStockAlerts().get(0);
    assertThat(open.delivered()).isFalse();

    fx.advanceAndRun(Duration.ofSeconds(5));
    assertThat(t.task(task.id()).status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(fx.alerts.delivered()).extracting(StockAlert::alertId).containsExactly(open.alertId());
    assertThat(t.openStockAlerts().get(0).delivered()).isTrue();
    assertThat(check()).isEmpty();
  }

  @Test
  void productsTheOwnerPausedAreNotWatched() {
    stock(2);
    assertThat(check()).hasSize(1);
    fx.inventory.engine().deactivate(shop, mug.id());
    assertThat(check()).isEmpty();
    assertThat(t.openStockAlerts()).isEmpty();
    stock(1);
    assertThat(check()).isEmpty();
  }

  @Test
  void theScheduledCheckRaisesAlertsAfterASync() {
    fx.advanceAndRun(Duration.ofMinutes(30)); // 00:30 stock check: all fine
    fx.inventory.supplier().setStock("CJ-MUG-V1", 0);
    fx.advanceAndRun(Duration.ofMinutes(30)); // 01:00 sync (PRO: hourly) sees the supplier at 0
    assertThat(t.product(mug.id()).variants().get(0).onHand()).isZero();
    assertThat(fx.alerts.delivered()).isEmpty();
    fx.advanceAndRun(Duration.ofMinutes(30)); // 01:30 stock check
    assertThat(fx.alerts.delivered()).extracting(StockAlert::kind)
        .containsExactlyInAnyOrder(StockAlertKind.LOW_STOCK, StockAlertKind.OUT_OF_STOCK);
  }

  @Test
  void anotherTenantsStockNeverRaisesThisTenantsAlerts() {
    TenantId other = TenantId.of("shop-2");
    TenantAutomation t2 = fx.onboard("shop-2", Plan.PRO);
    Product otherMug = fx.product(other, "CJ-MUG-2", 10, "4.20");
    fx.inventory.engine().applySupplierStock(other, otherMug.variants().get(0).id(), 1, "test");
    assertThat(check()).isEmpty();
    assertThat(t.openStockAlerts()).isEmpty();
    t2.checkStockNow();
    fx.runDue();
    assertThat(t2.openStockAlerts()).singleElement().satisfies(a -> assertThat(a.tenant()).isEqualTo(other));
    assertThat(t.openStockAlerts()).isEmpty();
  }
}

package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.inventory.testing.InventoryFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockRulesTest {
  private final InventoryFixture fx = InventoryFixture.create(b -> b.lowStockThreshold(5));
  private final InventoryEngine engine = fx.engine();
  private final TenantId shop = fx.tenant("shop", Plan.PRO);

  @Test
  void lowStockAlertsOncePerDownwardCrossingAndRearmsWhenStockRises() {
    Product p = fx.product(shop, "A", 20, "3.00");
    VariantId v = fx.variant(p);
    engine.applySupplierStock(shop, v, 5, "s1");
    engine.applySupplierStock(shop, v, 4, "s2");
    engine.applySupplierStock(shop, v, 3, "s3");
    assertThat(fx.events().events("lowStock")).containsExactly("lowStock " + v + " available=5 threshold=5");
    engine.applySupplierStock(shop, v, 12, "s4");
    engine.applySupplierStock(shop, v, 2, "s5");
    assertThat(fx.events().events("lowStock")).hasSize(2).last().isEqualTo("lowStock " + v + " available=2 threshold=5");
  }

  @Test
  void reservationsCountTowardLowStock() {
    Product p = fx.product(shop, "A", 8, "3.00");
    VariantId v = fx.variant(p);
    engine.reserve(shop, "o1", List.of(new ReservationLine(v, 4)));
    assertThat(fx.events().events("lowStock")).containsExactly("lowStock " + v + " available=4 threshold=5");
  }

  @Test
  void thresholdIsTakenFromVariantThenProductThenTenantThenGlobal() {
    Product p = fx.product(shop, "A", 20, "3.00");
    VariantId v = fx.variant(p);
    assertThat(engine.lowStockThreshold(shop, v)).isEqualTo(5);
    engine.registerTenant(engine.tenant(shop).withLowStockThreshold(7L));
    assertThat(engine.lowStockThreshold(shop, v)).isEqualTo(7);
    engine.setStockRules(shop, p.id(), null, 9L);
    assertThat(engine.lowStockThreshold(shop, v)).isEqualTo(9);
    engine.setVariantLowStockThreshold(shop, v, 11L);
    assertThat(engine.lowStockThreshold(shop, v)).isEqualTo(11);
    engine.applySupplierStock(shop, v, 11, "s");
    assertThat(fx.events().events("lowStock")).containsExactly("lowStock " + v + " available=11 threshold=11");
  }

  @Test
  void outOfStockDeactivatesAndRestockReactivates() {
    Product p = fx.product(shop, "A", 3, "3.00");
    VariantId v = fx.variant(p);
    engine.applySupplierStock(shop, v, 0, "s1");
    assertThat(engine.product(shop, p.id()).status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
    assertThat(fx.events().events()).contains("outOfStock " + v, "deactivated " + p.id() + " OUT_OF_STOCK");
    engine.applySupplierStock(shop, v, 4, "s2");
    assertThat(engine.product(shop, p.id()).status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(fx.events().events()).contains("backInStock " + v + " available=4", "reactivated " + p.id());
  }

  @Test
  void productWithOneVariantLeftInStockStaysActive() {
    Product p = fx.product(shop, "A", List.of("Home"),
        new dev.dropsync.inventory.spi.SupplierVariant("A-1", "A1", Money.of("1.00", "USD"), 3),
        new dev.dropsync.inventory.spi.SupplierVariant("A-2", "A2", Money.of("1.00", "USD"), 3));
    engine.applySupplierStock(shop, p.variants().get(0).id(), 0, "s");
    assertThat(engine.product(shop, p.id()).status()).isEqualTo(ProductStatus.ACTIVE);
    engine.applySupplierStock(shop, p.variants().get(1).id(), 0, "s");
    assertThat(engine.product(shop, p.id()).status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
  }

  @Test
  void ownerPausedProductStaysPausedThroughOutOfStockAndRestock() {
    Product p = fx.product(shop, "A", 3, "3.00");
    VariantId v = fx.variant(p);
    engine.deactivate(shop, p.id());
    engine.applySupplierStock(shop, v, 0, "s1");
    engine.applySupplierStock(shop, v, 10, "s2");
    assertThat(engine.product(shop, p.id()).status()).isEqualTo(ProductStatus.INACTIVE);
    assertThat(fx.events().events("reactivated")).isEmpty();
  }

  @Test
  void setZeroAndKeepPoliciesLeaveTheProductActive() {
    Product zero = fx.product(shop, "Z", 3, "3.00");
    Product keep = fx.product(shop, "K", 3, "3.00");
    engine.setStockRules(shop, zero.id(), OutOfStockPolicy.SET_ZERO, null);
    engine.registerTenant(engine.tenant(shop).withOutOfStockPolicy(OutOfStockPolicy.KEEP));
    assertThat(engine.outOfStockPolicy(shop, keep.id())).isEqualTo(OutOfStockPolicy.KEEP);
    engine.applySupplierStock(shop, fx.variant(zero), 0, "s");
    engine.applySupplierStock(shop, fx.variant(keep), 0, "s");
    assertThat(engine.product(shop, zero.id()).status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(engine.product(shop, keep.id()).status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(engine.available(shop, fx.variant(zero))).isZero();
  }

  @Test
  void restockThresholdDelaysReactivation() {
    InventoryFixture f = InventoryFixture.create(b -> b.restockThreshold(3));
    TenantId t = f.tenant("t", Plan.PRO);
    Product p = f.product(t, "A", 5, "1.00");
    f.engine().applySupplierStock(t, f.variant(p), 0, "s");
    f.engine().applySupplierStock(t, f.variant(p), 2, "s");
    assertThat(f.engine().product(t, p.id()).status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
    f.engine().applySupplierStock(t, f.variant(p), 3, "s");
    assertThat(f.engine().product(t, p.id()).status()).isEqualTo(ProductStatus.ACTIVE);
  }

  @Test
  void syncBelowReservedIsFlaggedOversoldNotClamped() {
    Product p = fx.product(shop, "A", 10, "3.00");
    VariantId v = fx.variant(p);
    engine.reserve(shop, "o1", List.of(new ReservationLine(v, 6)));
    engine.applySupplierStock(shop, v, 2, "sync");
    Variant after = engine.product(shop, p.id()).variant(v).orElseThrow();
    assertThat(after.onHand()).isEqualTo(2);
    assertThat(after.reserved()).isEqualTo(6);
    assertThat(after.oversold()).isTrue();
    assertThat(engine.available(shop, v)).isZero();
    assertThat(fx.events().events("oversold")).containsExactly("oversold " + v + " onHand=2 reserved=6");
    long[] replay = LedgerEntry.replay(engine.ledger(shop, v));
    assertThat(replay).containsExactly(2, 6);
  }

  @Test
  void manualAdjustmentIsLedgered() {
    Product p = fx.product(shop, "A", 10, "3.00");
    VariantId v = fx.variant(p);
    engine.adjustStock(shop, v, -3, "damaged in transit");
    List<LedgerEntry> ledger = engine.ledger(shop, v);
    assertThat(ledger).last().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(LedgerReason.MANUAL_ADJUSTMENT);
      assertThat(e.deltaOnHand()).isEqualTo(-3);
      assertThat(e.ref()).isEqualTo("damaged in transit");
    });
    assertThat(engine.available(shop, v)).isEqualTo(7);
  }
}

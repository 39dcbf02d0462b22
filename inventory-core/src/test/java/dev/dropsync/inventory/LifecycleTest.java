package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.ProductStatus.Actor;
import dev.dropsync.inventory.testing.InventoryFixture;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private final InventoryFixture fx = InventoryFixture.create();
  private final InventoryEngine engine = fx.engine();
  private final TenantId shop = fx.tenant("shop", Plan.PRO);

  @Test
  void transitionTableMatchesTheDomainRules() {
    assertThat(ProductStatus.DRAFT.canMoveTo(ProductStatus.ACTIVE, Actor.OWNER)).isTrue();
    assertThat(ProductStatus.INACTIVE.canMoveTo(ProductStatus.ACTIVE, Actor.OWNER)).isTrue();
    assertThat(ProductStatus.INACTIVE_OUT_OF_STOCK.canMoveTo(ProductStatus.ACTIVE, Actor.OWNER)).isFalse();
    assertThat(ProductStatus.INACTIVE_OUT_OF_STOCK.canMoveTo(ProductStatus.ACTIVE, Actor.SYSTEM)).isTrue();
    assertThat(ProductStatus.INACTIVE.canMoveTo(ProductStatus.ACTIVE, Actor.SYSTEM)).isFalse();
    assertThat(ProductStatus.ACTIVE.canMoveTo(ProductStatus.INACTIVE_OUT_OF_STOCK, Actor.SYSTEM)).isTrue();
    assertThat(ProductStatus.ACTIVE.canMoveTo(ProductStatus.INACTIVE_OUT_OF_STOCK, Actor.OWNER)).isFalse();
    assertThat(ProductStatus.INACTIVE_OUT_OF_STOCK.canMoveTo(ProductStatus.INACTIVE, Actor.OWNER)).isTrue();
    for (ProductStatus s : ProductStatus.values()) {
      assertThat(ProductStatus.ARCHIVED.canMoveTo(s, Actor.OWNER)).isFalse();
      assertThat(ProductStatus.ARCHIVED.canMoveTo(s, Actor.SYSTEM)).isFalse();
      assertThat(s.canMoveTo(ProductStatus.ARCHIVED, Actor.OWNER)).isEqualTo(s != ProductStatus.ARCHIVED);
    }
  }

  @Test
  void archivedIsTerminalAndIllegalMovesNameFromAndTo() {
    Product p = fx.product(shop, "A", 3, "1.00");
    engine.archive(shop, p.id());
    assertThatThrownBy(() -> engine.activate(shop, p.id()))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.from()).isEqualTo(ProductStatus.ARCHIVED);
          assertThat(e.to()).isEqualTo(ProductStatus.ACTIVE);
        })
        .hasMessageContaining("ARCHIVED").hasMessageContaining("ACTIVE");
    assertThatThrownBy(() -> engine.archive(shop, p.id())).isInstanceOf(IllegalTransitionException.class);
    engine.applySupplierStock(shop, fx.variant(p), 0, "s");
    engine.applySupplierStock(shop, fx.variant(p), 9, "s");
    assertThat(engine.product(shop, p.id()).status()).isEqualTo(ProductStatus.ARCHIVED);
  }

  @Test
  void ownerCannotActivateWhatTheSystemSwitchedOffForStock() {
    Product p = fx.product(shop, "A", 3, "1.00");
    engine.applySupplierStock(shop, fx.variant(p), 0, "s");
    assertThatThrownBy(() -> engine.activate(shop, p.id())).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("INACTIVE_OUT_OF_STOCK");
    assertThat(engine.deactivate(shop, p.id()).status()).isEqualTo(ProductStatus.INACTIVE);
  }

  @Test
  void ownerPauseAndResume() {
    Product p = fx.product(shop, "A", 3, "1.00");
    assertThat(engine.deactivate(shop, p.id()).status()).isEqualTo(ProductStatus.INACTIVE);
    assertThat(fx.events().events("deactivated")).containsExactly("deactivated " + p.id() + " OWNER");
    assertThat(engine.activate(shop, p.id()).status()).isEqualTo(ProductStatus.ACTIVE);
  }

  @Test
  void activatingAnInactiveProductWithoutStockEndsOutOfStock() {
    Product p = fx.product(shop, "A", 3, "1.00");
    engine.deactivate(shop, p.id());
    engine.applySupplierStock(shop, fx.variant(p), 0, "s");
    assertThat(engine.activate(shop, p.id()).status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
  }
}

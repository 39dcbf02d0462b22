package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import dev.dropsync.inventory.memory.InMemorySupplierCatalog;
import dev.dropsync.inventory.testing.InventoryFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadInputTest {
  private final InventoryFixture fx = InventoryFixture.create();
  private final InventoryEngine engine = fx.engine();
  private final TenantId shop = fx.tenant("shop", Plan.PRO);
  private final Product p = fx.product(shop, "A", 5, "2.00");
  private final VariantId v = fx.variant(p);

  private void assertNothingChanged() {
    assertThat(engine.product(shop, p.id())).isEqualTo(p);
    assertThat(engine.ledger(shop, v)).hasSize(1);
  }

  @Test
  void blankIdsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> TenantId.of(" ")).isInstanceOf(InvalidInputException.class).hasMessageContaining("tenantId");
    assertThatThrownBy(() -> VariantId.of("")).isInstanceOf(InvalidInputException.class).hasMessageContaining("variantId");
    assertThatThrownBy(() -> ProductId.of("")).isInstanceOf(InvalidInputException.class).hasMessageContaining("productId");
    assertThatThrownBy(() -> engine.importProduct(shop, " ")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("supplierProductId");
    assertThatThrownBy(() -> engine.reserve(shop, " ", List.of(new ReservationLine(v, 1))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("orderRef");
    assertThatThrownBy(() -> engine.commit(shop, "")).isInstanceOf(InvalidInputException.class).hasMessageContaining("orderRef");
    assertThatThrownBy(() -> engine.applySupplierStock(shop, v, 1, " ")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ref");
    assertNothingChanged();
  }

  @Test
  void negativeQuantitiesAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> new ReservationLine(v, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quantity").hasMessageContaining("0");
    assertThatThrownBy(() -> engine.applySupplierStock(shop, v, -1, "s")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("onHand").hasMessageContaining("-1");
    assertThatThrownBy(() -> engine.adjustStock(shop, v, -6, "count")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("delta").hasMessageContaining("-6");
    assertThatThrownBy(() -> engine.adjustStock(shop, v, 0, "count")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> engine.setStockRules(shop, p.id(), null, -1L)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lowStockThreshold");
    assertNothingChanged();
  }

  @Test
  void unknownTenantProductAndVariantAreNotFound() {
    TenantId ghost = TenantId.of("ghost");
    assertThatThrownBy(() -> engine.importProduct(ghost, "A")).isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
    assertThatThrownBy(() -> engine.reserve(ghost, "o", List.of(new ReservationLine(v, 1)))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.product(shop, ProductId.of("nope"))).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("productId").hasMessageContaining("nope");
    assertThatThrownBy(() -> engine.reserve(shop, "o", List.of(new ReservationLine(VariantId.of("zz"), 1))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("zz");
    assertThatThrownBy(() -> engine.applySupplierStock(shop, VariantId.of("zz"), 1, "s")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.sync().start(ghost)).isInstanceOf(NotFoundException.class);
    assertNothingChanged();
  }

  @Test
  void reservationWithEmptyOrDuplicateLinesIsRejected() {
    assertThatThrownBy(() -> engine.reserve(shop, "o", List.of())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lines");
    List<ReservationLine> dup = new ArrayList<>();
    dup.add(new ReservationLine(v, 1));
    dup.add(new ReservationLine(v, 2));
    assertThatThrownBy(() -> engine.reserve(shop, "o", dup)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("appears twice");
    assertNothingChanged();
  }

  @Test
  void currencyMismatchAndBadMoneyAreTyped() {
    assertThatThrownBy(() -> Money.of("1.00", "USD").plus(Money.of("1.00", "EUR")))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> Money.of("x", "USD")).isInstanceOf(InvalidInputException.class).hasMessageContaining("amount");
  }

  @Test
  void builderRequiresStoreAndSupplierAndValidatesSettings() {
    assertThatThrownBy(() -> InventoryEngine.builder().supplier(new InMemorySupplierCatalog("cj")).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("store");
    assertThatThrownBy(() -> InventoryEngine.builder().store(new InMemoryInventoryStore()).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("supplier");
    assertThatThrownBy(() -> InventoryEngine.builder().syncConcurrency(0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("syncConcurrency");
    assertThatThrownBy(() -> InventoryEngine.builder().lowStockThreshold(-1)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> InventoryEngine.builder().restockThreshold(0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> engine.registerTenant(Tenant.of(TenantId.of("x"), Plan.of("GOLD"), InventoryFixture.USD)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("GOLD");
    assertThat(fx.store().findTenant(TenantId.of("x"))).isEmpty();
  }
}

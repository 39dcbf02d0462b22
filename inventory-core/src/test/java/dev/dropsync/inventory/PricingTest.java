package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.pricing.PricingRule;
import dev.dropsync.inventory.pricing.PricingScope;
import dev.dropsync.inventory.testing.InventoryFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {
  private final InventoryFixture fx = InventoryFixture.create();
  private final InventoryEngine engine = fx.engine();
  private final TenantId shop = fx.tenant("shop", Plan.PREMIUM);

  private static Money usd(String s) {
    return Money.of(s, "USD");
  }

  @Test
  void costChangeRerunsTheRuleInsteadOfScalingTheOldPrice() {
    engine.setPricingRule(shop, PricingScope.tenant(), PricingRule.builder().fixedAdd("10").build());
    Product p = fx.product(shop, "A", 10, "12.00");
    VariantId v = fx.variant(p);
    assertThat(engine.product(shop, p.id()).variants().get(0).retailPrice()).isEqualTo(usd("22.99"));
    fx.supplier().setCost("A-V1", usd("24.00"));
    engine.sync().start(shop).await(java.time.Duration.ofSeconds(30));
    Variant after = engine.product(shop, p.id()).variant(v).orElseThrow();
    assertThat(after.cost()).isEqualTo(usd("24.00"));
    // rule: 24 + 10 = 34 → 34.99 (scaling the old price would give 45.98)
    assertThat(after.retailPrice()).isEqualTo(usd("34.99"));
    assertThat(fx.events().events("priceChanged")).containsExactly("priceChanged " + v + " 22.99->34.99");
  }

  @Test
  void mostSpecificRuleWinsProductThenCategoryThenTenant() {
    Product p = fx.product(shop, "A", 10, "10.00");
    assertThat(engine.pricingRule(shop, p.id()).multiplier()).isEqualByComparingTo("2");
    engine.setPricingRule(shop, PricingScope.tenant(), PricingRule.builder().multiplier("3").build());
    engine.setPricingRule(shop, PricingScope.category("Kitchen"), PricingRule.builder().multiplier("4").build());
    assertThat(engine.reprice(shop, p.id()).variants().get(0).retailPrice()).isEqualTo(usd("40.99"));
    engine.setPricingRule(shop, PricingScope.product(p.id()), PricingRule.builder().multiplier("5").build());
    assertThat(engine.reprice(shop, p.id()).variants().get(0).retailPrice()).isEqualTo(usd("50.99"));
    engine.removePricingRule(shop, PricingScope.product(p.id()));
    engine.removePricingRule(shop, PricingScope.category("Kitchen"));
    assertThat(engine.reprice(shop, p.id()).variants().get(0).retailPrice()).isEqualTo(usd("30.99"));
  }

  @Test
  void newRuleDoesNotSilentlyRepriceExistingListings() {
    Product p = fx.product(shop, "A", 10, "10.00");
    engine.setPricingRule(shop, PricingScope.tenant(), PricingRule.builder().multiplier("3").build());
    assertThat(engine.product(shop, p.id()).variants().get(0).retailPrice()).isEqualTo(usd("20.99"));
  }

  @Test
  void manualPriceIsKeptOnCostChangeAndFlaggedUnderTheFloor() {
    engine.setPricingRule(shop, PricingScope.tenant(), PricingRule.builder().multiplier("2").minimumMargin("0.25").build());
    Product p = fx.product(shop, "A", 10, "10.00");
    VariantId v = fx.variant(p);
    Product manual = engine.setManualPrice(shop, v, usd("15.00"));
    assertThat(manual.variant(v).orElseThrow().manualPrice()).isTrue();
    assertThat(manual.variant(v).orElseThrow().belowMarginFloor()).isFalse();
    Product after = engine.applyCosts(shop, p.id(), Map.of(v, usd("12.00")));
    Variant av = after.variant(v).orElseThrow();
    assertThat(av.retailPrice()).isEqualTo(usd("15.00"));
    assertThat(av.cost()).isEqualTo(usd("12.00"));
    assertThat(av.belowMarginFloor()).isTrue(); // (15 − 12) / 15 = 20 % < 25 %
    assertThat(fx.events().events("belowFloor")).containsExactly("belowFloor " + v + " price=15.00 floor=16.99");
    Product cleared = engine.clearManualPrice(shop, v);
    assertThat(cleared.variant(v).orElseThrow().retailPrice()).isEqualTo(usd("24.99"));
    assertThat(cleared.variant(v).orElseThrow().manualPrice()).isFalse();
  }

  @Test
  void manualPriceBelowFloorIsFlaggedImmediately() {
    engine.setPricingRule(shop, PricingScope.tenant(), PricingRule.builder().minimumMargin("0.25").build());
    Product p = fx.product(shop, "A", 10, "10.00");
    Product manual = engine.setManualPrice(shop, fx.variant(p), usd("11.00"));
    assertThat(manual.variants().get(0).belowMarginFloor()).isTrue();
  }

  @Test
  void costInAnotherCurrencyIsRefusedAndNothingChanges() {
    Product p = fx.product(shop, "A", 10, "10.00");
    VariantId v = fx.variant(p);
    assertThatThrownBy(() -> engine.applyCosts(shop, p.id(), Map.of(v, Money.of("10.00", "EUR"))))
        .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("EUR");
    assertThatThrownBy(() -> engine.setManualPrice(shop, v, Money.of("10.00", "EUR")))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> engine.setManualPrice(shop, v, usd("-1.00")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("price");
    assertThat(engine.product(shop, p.id())).isEqualTo(p);
  }

  @Test
  void compareAtPriceFollowsTheRule() {
    engine.setPricingRule(shop, PricingScope.category("Kitchen"), PricingRule.builder().multiplier("2").compareAtMultiplier("1.3").build());
    Product p = fx.product(shop, "A", 10, "4.20");
    assertThat(p.variants().get(0).compareAtPrice()).isEqualTo(usd("11.99"));
    assertThat(List.of(p.variants().get(0).retailPrice())).containsExactly(usd("8.99"));
  }
}

package dev.dropsync.inventory.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingRuleTest {
  private static Money usd(String s) {
    return Money.of(s, "USD");
  }

  @ParameterizedTest
  @CsvSource({
    "6.89, CENTS_99, 6.99",
    "6.99, CENTS_99, 6.99",
    "7.00, CENTS_99, 7.99",
    "8.40, CENTS_99, 8.99",
    "22.00, CENTS_99, 22.99",
    "6.96, CENTS_95, 7.95",
    "6.95, CENTS_95, 6.95",
    "6.01, WHOLE, 7.00",
    "6.00, WHOLE, 6.00",
    "6.001, NONE, 6.01",
  })
  void charmRoundingOnlyRoundsUp(String in, CharmRounding mode, String out) {
    assertThat(mode.apply(new BigDecimal(in))).isEqualByComparingTo(out);
  }

  @Test
  void goldenMultiplyThenCharm() {
    // domain.md §7: 4.20 × 2 = 8.40 → 8.99
    PricingRule rule = PricingRule.builder().multiplier("2").build();
    assertThat(rule.quote(usd("4.20")).retail()).isEqualTo(usd("8.99"));
  }

  @Test
  void goldenAddThenCharm() {
    // domain.md §7: 12.00 + 10 = 22.00 → 22.99
    PricingRule rule = PricingRule.builder().fixedAdd("10").build();
    assertThat(rule.quote(usd("12.00")).retail()).isEqualTo(usd("22.99"));
  }

  @Test
  void goldenMarginFloor() {
    // domain.md §7: cost 10.00, m 25 %: 13.34, then 13.99
    PricingRule rule = PricingRule.builder().minimumMargin("0.25").build();
    PriceQuote q = rule.quote(usd("10.00"));
    assertThat(q.floor()).isEqualTo(usd("13.99"));
    assertThat(q.retail()).isEqualTo(usd("13.99"));
    assertThat(rule.meetsMargin(usd("13.99"), usd("10.00"))).isTrue();
    assertThat(rule.meetsMargin(usd("13.33"), usd("10.00"))).isFalse();
  }

  @Test
  void goldenDsersTiersAreHalfOpen() {
    // domain.md §7: 0–5 ×2, 5–15 +10, 15–50 ×1.5; the range above the top tier is explicit (×1.3)
    PricingRule rule = PricingRule.builder()
        .tier(CostTier.multiply("0", "5", "2"))
        .tier(CostTier.add("5", "15", "10"))
        .tier(CostTier.multiply("15", "50", "1.5"))
        .multiplier("1.3")
        .build();
    assertThat(rule.quote(usd("4.99")).retail()).isEqualTo(usd("9.99"));   // 9.98 → 9.99
    assertThat(rule.quote(usd("5.00")).retail()).isEqualTo(usd("15.99"));  // 15.00 → 15.99 (upper bound exclusive)
    assertThat(rule.quote(usd("14.99")).retail()).isEqualTo(usd("24.99"));
    assertThat(rule.quote(usd("15.00")).retail()).isEqualTo(usd("22.99")); // 22.50 → 22.99
    assertThat(rule.quote(usd("50.00")).retail()).isEqualTo(usd("65.99")); // above top tier: 65.00 → 65.99
  }

  @Test
  void floorRaisesAPriceTheTierWouldLeaveTooLow() {
    PricingRule rule = PricingRule.builder().fixedAdd("1").minimumMargin("0.5").rounding(CharmRounding.NONE).build();
    PriceQuote q = rule.quote(usd("10.00"));
    assertThat(q.retail()).isEqualTo(usd("20.00"));
    assertThat(q.floor()).isEqualTo(usd("20.00"));
  }

  @Test
  void compareAtPriceIsDerivedFromRetail() {
    PricingRule rule = PricingRule.builder().multiplier("2").compareAtMultiplier("1.3").build();
    PriceQuote q = rule.quote(usd("4.20"));
    assertThat(q.retail()).isEqualTo(usd("8.99"));
    assertThat(q.compareAt()).isEqualTo(usd("11.99")); // 11.687 → 11.69 → 11.99
  }

  @Test
  void badSettingsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> PricingRule.builder().multiplier("0")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> PricingRule.builder().minimumMargin("1")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("minimumMargin");
    assertThatThrownBy(() -> PricingRule.builder().fixedAdd("abc")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("abc");
    assertThatThrownBy(() -> PricingRule.builder().tier(CostTier.multiply("0", "10", "2")).tier(CostTier.add("5", null, "1")).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("overlaps");
    assertThatThrownBy(() -> CostTier.add("5", "5", "1")).isInstanceOf(InvalidInputException.class).hasMessageContaining("max");
    assertThatThrownBy(() -> PricingRule.builder().build().quote(usd("-1.00"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cost");
  }
}

package dev.dropsync.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CommissionSplitTest {

  @Test
  void clientShareIsRoundedHalfEvenAndPlatformTakesTheRemainder() {
    CommissionSplit a = CommissionPolicy.DEFAULT.split(Money.of("0.15", "USD"));
    assertThat(a.client()).isEqualTo(Money.of("0.04", "USD"));
    assertThat(a.platform()).isEqualTo(Money.of("0.11", "USD"));
    CommissionSplit b = CommissionPolicy.DEFAULT.split(Money.of("10.01", "USD"));
    assertThat(b.client()).isEqualTo(Money.of("3.00", "USD"));
    assertThat(b.platform()).isEqualTo(Money.of("7.01", "USD"));
    CommissionSplit jpy = CommissionPolicy.DEFAULT.split(Money.of("1005", "JPY"));
    assertThat(jpy.client()).isEqualTo(Money.of("302", "JPY"));
    assertThat(jpy.platform()).isEqualTo(Money.of("703", "JPY"));
  }

  @Test
  void sharesSumExactlyToTheBaseOverRandomAmountsRatesAndCurrencies() {
    long seed = System.nanoTime();
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Currency> currencies = List.of("USD", "EUR", "JPY", "BHD", "KWD", "CLP", "GBP").stream()
        .map(Currency::getInstance).toList();
    for (int i = 0; i < 20_000; i++) {
      Currency c = currencies.get(rnd.nextInt(currencies.size()));
      int scale = c.getDefaultFractionDigits();
      BigDecimal amount = BigDecimal.valueOf(rnd.nextLong(0, 100_000_000L), scale);
      BigDecimal rate = BigDecimal.valueOf(rnd.nextInt(0, 10_001), 4);
      Money base = Money.of(amount, c);
      CommissionSplit s = CommissionSplit.of(base, rate);
      assertThat(s.client().plus(s.platform()).compareTo(base)).as("seed " + seed + " base " + base + " rate " + rate).isZero();
      assertThat(s.client().amount().scale()).as("seed " + seed).isEqualTo(scale);
      BigDecimal exact = amount.multiply(rate);
      assertThat(s.client().amount().subtract(exact).abs().multiply(BigDecimal.TEN.pow(scale)))
          .as("seed " + seed + ": client share within half a minor unit").isLessThanOrEqualTo(new BigDecimal("0.5"));
    }
  }

  @Test
  void policiesResolveTenantThenPlanThenDefault() {
    TenantId a = TenantId.of("a");
    TenantId b = TenantId.of("b");
    TenantId c = TenantId.of("c");
    CommissionPolicy pro = CommissionPolicy.of("0.20", CommissionBasis.GOODS);
    CommissionPolicy special = CommissionPolicy.of("0.50", CommissionBasis.PROFIT);
    CommissionPolicies p = CommissionPolicies.builder().plan("pro", pro).tenant(a, special)
        .planOf(t -> t.equals(c) ? null : "pro").build();
    assertThat(p.policyFor(a)).isEqualTo(special);
    assertThat(p.policyFor(b)).isEqualTo(pro);
    assertThat(p.policyFor(c)).isEqualTo(CommissionPolicy.DEFAULT);
  }

  @Test
  void rejectsRatesOutsideZeroToOne() {
    assertThatThrownBy(() -> CommissionPolicy.of("1.5", CommissionBasis.GOODS))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("clientRate").hasMessageContaining("1.5");
    assertThatThrownBy(() -> CommissionPolicy.of("abc", CommissionBasis.GOODS))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("abc");
  }
}

package dev.dropsync.inventory.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.CurrencyMismatchException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

  static final TenantId T = TenantId.of("t");
  static final ProductId P = ProductId.of("p");
  static final VariantId V = VariantId.of("v");
  static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void saleRejectsNegativeOrZeroQuantityNamingIt() {
    assertThatThrownBy(() -> new Sale(T, P, V, -2, Money.of("1", "USD"), Money.of("1", "USD"), AT, "o"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quantity")
        .hasMessageContaining("-2")
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("quantity"));
    assertThatThrownBy(() -> new Sale(T, P, V, 0, Money.of("1", "USD"), Money.of("1", "USD"), AT, "o"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quantity");
  }

  @Test
  void saleRejectsBlankOrderRefAndBlankIds() {
    assertThatThrownBy(() -> new Sale(T, P, V, 1, Money.of("1", "USD"), Money.of("1", "USD"), AT, " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("orderRef");
    assertThatThrownBy(() -> ProductId.of(""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("productId");
  }

  @Test
  void saleRejectsPriceAndCostInDifferentCurrencies() {
    assertThatThrownBy(() -> new Sale(T, P, V, 1, Money.of("1", "USD"), Money.of("1", "EUR"), AT, "o"))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("EUR")
        .hasMessageContaining("USD");
  }

  @Test
  void saleRejectsNegativePrice() {
    assertThatThrownBy(() -> new Sale(T, P, V, 1, Money.of("-1", "USD"), Money.of("1", "USD"), AT, "o"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unitPrice")
        .hasMessageContaining("-1.00");
  }

  @Test
  void returnAndObservationRejectNegativeQuantities() {
    assertThatThrownBy(() -> new SaleReturn(T, P, V, -1, AT, "o"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quantity");
    assertThatThrownBy(
            () -> new StockObservation(T, P, V, LocalDate.of(2026, 1, 1), -5, Money.of("1", "USD"), StockState.ACTIVE, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("onHand")
        .hasMessageContaining("-5");
  }

  @Test
  void saleComputesLineRevenueAndCost() {
    Sale s = new Sale(T, P, V, 3, Money.of("9.99", "USD"), Money.of("4.10", "USD"), AT, "o");
    assertThat(s.revenue()).isEqualTo(Money.of("29.97", "USD"));
    assertThat(s.cost()).isEqualTo(Money.of("12.30", "USD"));
  }
}

package dev.dropsync.inventory.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.CurrencyMismatchException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.forecast.DemandHistory;
import dev.dropsync.inventory.analytics.spi.TenantSettingsSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KPIs on a small hand-computed data set. Zone Europe/Paris (UTC+1 in November), currency EUR,
 * period 1–3 November 2026 ([Nov 1, Nov 4)).
 */
class InventoryAnalyticsTest {

  static final TenantId T = TenantId.of("shop");
  static final ProductId P1 = ProductId.of("p1");
  static final ProductId P2 = ProductId.of("p2");
  static final ProductId P3 = ProductId.of("p3");
  static final VariantId V1 = VariantId.of("v1");
  static final VariantId V2 = VariantId.of("v2");
  static final VariantId V3 = VariantId.of("v3");
  static final LocalDate NOV1 = LocalDate.of(2026, 11, 1);
  static final LocalDate NOV4 = LocalDate.of(2026, 11, 4);
  static final Currency EUR = Currency.getInstance("EUR");

  InMemorySalesLedger ledger;
  InMemoryStockHistory stock;
  InventoryAnalytics analytics;

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  @BeforeEach
  void setUp() {
    ledger = new InMemorySalesLedger();
    stock = new InMemoryStockHistory();
    analytics =
        InventoryAnalytics.builder()
            .salesLedger(ledger)
            .stockHistory(stock)
            .tenantSettings(TenantSettingsSource.fixed(new TenantSettings(ZoneId.of("Europe/Paris"), EUR)))
            .build();
    populate(ledger, stock);
  }

  /** The hand-computed data set: p1 with sales, a return and 3 days of stock; p2 inactive; p3 out. */
  static void populate(InMemorySalesLedger ledger, InMemoryStockHistory stock) {
    // Nov 1 (Paris): 2 × 10.00 / cost 4.00
    ledger.recordSale(new Sale(T, P1, V1, 2, eur("10.00"), eur("4.00"), Instant.parse("2026-11-01T10:00:00Z"), "o1"));
    // 23:30Z on Nov 2 is 00:30 on Nov 3 in Paris: inside the period
    ledger.recordSale(new Sale(T, P1, V1, 3, eur("10.00"), eur("4.00"), Instant.parse("2026-11-02T23:30:00Z"), "o2"));
    // 23:30Z on Oct 31 is 00:30 on Nov 1 in Paris: inside the period
    ledger.recordSale(new Sale(T, P1, V1, 5, eur("12.00"), eur("5.00"), Instant.parse("2026-10-31T23:30:00Z"), "o3"));
    // 23:30Z on Nov 3 is Nov 4 in Paris: outside
    ledger.recordSale(new Sale(T, P1, V1, 7, eur("12.00"), eur("5.00"), Instant.parse("2026-11-03T23:30:00Z"), "o4"));
    ledger.recordReturn(new SaleReturn(T, P1, V1, 1, Instant.parse("2026-11-02T12:00:00Z"), "o1"));

    stock.record(obs(P1, V1, NOV1, 20, "4.00", StockState.ACTIVE, 10));
    stock.record(obs(P1, V1, NOV1.plusDays(1), 0, "4.00", StockState.OUT_OF_STOCK, 10));
    stock.record(obs(P1, V1, NOV1.plusDays(2), 10, "5.00", StockState.ACTIVE, 10));
    stock.record(obs(P2, V2, NOV1.plusDays(2), 5, "2.00", StockState.INACTIVE, 0));
    stock.record(obs(P3, V3, NOV1.plusDays(2), 0, "3.00", StockState.ACTIVE, 2));
  }

  static StockObservation obs(
      ProductId p, VariantId v, LocalDate d, long onHand, String cost, StockState s, long low) {
    return new StockObservation(T, p, v, d, onHand, eur(cost), s, low);
  }

  @Test
  void productKpisMatchHandComputedValues() {
    ProductKpis k = analytics.product(T, P1, NOV1, NOV4);
    assertThat(k.days()).isEqualTo(3);
    assertThat(k.unitsSold()).isEqualTo(10); // 2 + 3 + 5, o4 is on Nov 4 in Paris
    assertThat(k.unitsReturned()).isEqualTo(1);
    assertThat(k.revenue()).isEqualTo(eur("110.00")); // 20 + 30 + 60
    assertThat(k.cogs()).isEqualTo(eur("45.00")); // 8 + 12 + 25
    assertThat(k.profit()).isEqualTo(eur("65.00"));
    assertThat(k.margin()).contains(new BigDecimal("0.5909")); // 65 / 110
    assertThat(k.returnRate()).contains(new BigDecimal("0.1000"));
    assertThat(k.sellableDays()).isEqualTo(2); // Nov 2 was out of stock
    assertThat(k.velocity()).contains(new BigDecimal("5.0000")); // 10 / 2
    assertThat(k.averageStock()).contains(new BigDecimal("10.0000")); // (20 + 0 + 10) / 3
    assertThat(k.averageInventoryValue()).contains(eur("43.33")); // (80 + 0 + 50) / 3
    assertThat(k.turnover()).contains(new BigDecimal("1.0385")); // 45 / 43.333…
    assertThat(k.daysOfInventory()).contains(new BigDecimal("2.8889")); // 3 × 43.333… / 45
    assertThat(k.sellThrough()).contains(new BigDecimal("0.5000")); // 10 / (10 + 10)
    assertThat(k.closingStock()).isEqualTo(10);
    assertThat(k.stockValue()).isEqualTo(eur("50.00"));
  }

  @Test
  void inventoryKpisMatchHandComputedValues() {
    InventoryKpis k = analytics.inventory(T, NOV1, NOV4);
    assertThat(k.unitsSold()).isEqualTo(10);
    assertThat(k.revenue()).isEqualTo(eur("110.00"));
    assertThat(k.cogs()).isEqualTo(eur("45.00"));
    assertThat(k.stockValue()).isEqualTo(eur("60.00")); // 50 + 10 + 0
    assertThat(k.activeProducts()).isEqualTo(1); // p1 (low: 10 <= 10)
    assertThat(k.lowStockProducts()).isEqualTo(1);
    assertThat(k.outOfStockProducts()).isEqualTo(1); // p3 active with 0 units
    assertThat(k.inactiveProducts()).isEqualTo(1); // p2
    assertThat(k.averageStock()).contains(new BigDecimal("11.6667")); // (20 + 0 + 15) / 3
    assertThat(k.averageInventoryValue()).contains(eur("46.67")); // (80 + 0 + 60) / 3
    assertThat(k.turnover()).contains(new BigDecimal("0.9643")); // 45 / 46.666…
    assertThat(k.daysOfInventory()).contains(new BigDecimal("3.1111")); // 3 × 46.666… / 45
    assertThat(k.sellThrough()).contains(new BigDecimal("0.4000")); // 10 / (10 + 15)
  }

  @Test
  void zeroDenominatorsGiveEmptyNeverNaN() {
    ProductKpis k = analytics.product(T, ProductId.of("nothing"), NOV1, NOV4);
    assertThat(k.unitsSold()).isZero();
    assertThat(k.revenue()).isEqualTo(eur("0.00"));
    assertThat(k.margin()).isEmpty();
    assertThat(k.returnRate()).isEmpty();
    assertThat(k.averageStock()).isEmpty();
    assertThat(k.averageInventoryValue()).isEmpty();
    assertThat(k.turnover()).isEmpty();
    assertThat(k.daysOfInventory()).isEmpty();
    assertThat(k.sellThrough()).isEmpty();
    // no stock feed: every day counts as sellable
    assertThat(k.velocity()).contains(new BigDecimal("0.0000"));

    ProductKpis p3 = analytics.product(T, P3, NOV1, NOV4);
    assertThat(p3.averageInventoryValue()).contains(eur("0.00"));
    assertThat(p3.turnover()).isEmpty();
    assertThat(p3.daysOfInventory()).isEmpty();
    assertThat(p3.sellThrough()).isEmpty(); // 0 / (0 + 0)
  }

  @Test
  void productsListsEveryProductWithActivityOrderedById() {
    assertThat(analytics.products(T, NOV1, NOV4))
        .extracting(ProductKpis::product)
        .containsExactly(P1, P2, P3);
  }

  @Test
  void demandHistoryBucketsSalesByTenantDayAndMarksUnsellableDays() {
    DemandHistory h = analytics.demandHistory(T, P1, NOV1, NOV4);
    assertThat(h.demandValues()).containsExactly(7, 0, 3);
    assertThat(h.availability()).containsExactly(true, false, true);
    DemandHistory other = analytics.demandHistory(T, P1, V2, NOV1, NOV4);
    assertThat(other.demandValues()).containsExactly(0, 0, 0);
    assertThat(other.availability()).containsExactly(true, true, true);
  }

  @Test
  void saleInAnotherCurrencyThanTheTenantsIsRejected() {
    ledger.recordSale(
        new Sale(T, P1, V1, 1, Money.of("1.00", "USD"), Money.of("1.00", "USD"), Instant.parse("2026-11-01T12:00:00Z"), "usd"));
    assertThatThrownBy(() -> analytics.product(T, P1, NOV1, NOV4))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("USD");
  }

  @Test
  void invertedPeriodIsRejectedNamingFrom() {
    assertThatThrownBy(() -> analytics.product(T, P1, NOV4, NOV1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("from")
        .hasMessageContaining("2026-11-04");
    assertThatThrownBy(() -> analytics.inventory(T, NOV1, NOV1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("from");
  }

  @Test
  void builderRequiresEveryPart() {
    assertThatThrownBy(() -> InventoryAnalytics.builder().salesLedger(ledger).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("stockHistory");
  }
}

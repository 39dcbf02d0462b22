package dev.dropsync.inventory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Randomised data sets: KPIs agree with a brute-force recount and with each other. */
class KpiConsistencyTest {

  static final ZoneId ZONE = ZoneId.of("America/New_York"); // includes the Nov 1 DST change
  static final LocalDate DAY0 = LocalDate.of(2026, 10, 15);

  @Test
  void productAndInventoryKpisAgreeWithBruteForceRecount() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom r = new SplittableRandom(seed);
    for (int run = 0; run < 20; run++) {
      checkOneDataSet(r, seed, run);
    }
  }

  private static void checkOneDataSet(SplittableRandom r, long seed, int run) {
    TenantId tenant = TenantId.of("t");
    TenantId other = TenantId.of("other");
    InMemorySalesLedger ledger = new InMemorySalesLedger();
    InMemoryStockHistory stock = new InMemoryStockHistory();
    InventoryAnalytics analytics =
        InventoryAnalytics.builder()
            .salesLedger(ledger)
            .stockHistory(stock)
            .tenantSettings(TenantSettingsSource.fixed(new TenantSettings(ZONE, Currency.getInstance("USD"))))
            .build();
    int products = 1 + r.nextInt(12);
    List<Sale> sales = new ArrayList<>();
    for (int i = 0; i < r.nextInt(300); i++) {
      int p = r.nextInt(products);
      Instant at = DAY0.atStartOfDay(ZONE).toInstant().plusSeconds(r.nextLong(40L * 86_400));
      Sale s =
          new Sale(
              r.nextInt(10) == 0 ? other : tenant,
              ProductId.of("p" + p),
              VariantId.of("p" + p + "-v" + r.nextInt(3)),
              1 + r.nextInt(5),
              Money.of(BigDecimal.valueOf(100 + r.nextInt(5_000), 2), Currency.getInstance("USD")),
              Money.of(BigDecimal.valueOf(50 + r.nextInt(2_000), 2), Currency.getInstance("USD")),
              at,
              "o" + i);
      ledger.recordSale(s);
      sales.add(s);
      if (r.nextInt(5) == 0) {
        ledger.recordReturn(
            new SaleReturn(s.tenant(), s.product(), s.variant(), 1 + r.nextInt((int) s.quantity()),
                at.plusSeconds(r.nextInt(5 * 86_400)), s.orderRef()));
      }
    }
    for (int p = 0; p < products; p++) {
      for (int v = 0; v < 3; v++) {
        for (int d = 0; d < 40; d++) {
          if (r.nextInt(4) != 0) {
            StockState state = StockState.values()[r.nextInt(3)];
            stock.record(
                new StockObservation(tenant, ProductId.of("p" + p), VariantId.of("p" + p + "-v" + v),
                    DAY0.plusDays(d), r.nextInt(50), Money.of(BigDecimal.valueOf(r.nextInt(3_000), 2), Currency.getInstance("USD")),
                    state, r.nextInt(10)));
          }
        }
      }
    }
    LocalDate from = DAY0.plusDays(r.nextInt(30));
    LocalDate to = from.plusDays(1 + r.nextInt(15));
    String ctx = "seed " + seed + " run " + run + " [" + from + ", " + to + ")";

    List<ProductKpis> all = analytics.products(tenant, from, to);
    InventoryKpis inv = analytics.inventory(tenant, from, to);
    long units = 0;
    long returned = 0;
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal cogs = BigDecimal.ZERO;
    for (ProductKpis k : all) {
      assertThat(analytics.product(tenant, k.product(), from, to)).as(ctx).isEqualTo(k);
      long expectedUnits = 0;
      BigDecimal expectedRevenue = BigDecimal.ZERO;
      for (Sale s : sales) {
        LocalDate day = LocalDate.ofInstant(s.at(), ZONE);
        if (s.tenant().equals(tenant) && s.product().equals(k.product()) && !day.isBefore(from) && day.isBefore(to)) {
          expectedUnits += s.quantity();
          expectedRevenue = expectedRevenue.add(s.revenue().amount());
        }
      }
      assertThat(k.unitsSold()).as(ctx).isEqualTo(expectedUnits);
      assertThat(k.revenue().amount()).as(ctx).isEqualByComparingTo(expectedRevenue);
      assertThat(k.returnRate().isPresent()).as(ctx).isEqualTo(k.unitsSold() > 0);
      assertThat(k.velocity().isPresent()).as(ctx).isEqualTo(k.sellableDays() > 0);
      k.sellThrough().ifPresent(x -> assertThat(x).as(ctx).isBetween(BigDecimal.ZERO, BigDecimal.ONE));
      k.turnover().ifPresent(x -> assertThat(x.signum()).as(ctx).isGreaterThanOrEqualTo(0));
      assertThat(k.sellableDays()).as(ctx).isBetween(0, k.days());
      DemandHistory h = analytics.demandHistory(tenant, k.product(), from, to);
      double sum = 0;
      for (double d : h.demandValues()) {
        sum += d;
      }
      assertThat(sum).as(ctx).isEqualTo((double) k.unitsSold());
      units += k.unitsSold();
      returned += k.unitsReturned();
      revenue = revenue.add(k.revenue().amount());
      cogs = cogs.add(k.cogs().amount());
    }
    assertThat(inv.unitsSold()).as(ctx).isEqualTo(units);
    assertThat(inv.unitsReturned()).as(ctx).isEqualTo(returned);
    assertThat(inv.revenue().amount()).as(ctx).isEqualByComparingTo(revenue);
    assertThat(inv.cogs().amount()).as(ctx).isEqualByComparingTo(cogs);
    assertThat(inv.activeProducts() + inv.outOfStockProducts() + inv.inactiveProducts())
        .as(ctx)
        .isLessThanOrEqualTo(products)
        .isGreaterThanOrEqualTo(inv.lowStockProducts());
  }
}

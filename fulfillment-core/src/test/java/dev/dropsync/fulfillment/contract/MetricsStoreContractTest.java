package dev.dropsync.fulfillment.contract;

import dev.dropsync.fulfillment.spi.MetricsStore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.fulfillment.FulfillmentKpis;
import dev.dropsync.fulfillment.FulfillmentMetrics;
import dev.dropsync.fulfillment.internal.Kpis;
import dev.dropsync.inventory.TenantId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract every {@link MetricsStore} must meet. Implement {@link #newStore()}. */
public abstract class MetricsStoreContractTest {
  protected abstract MetricsStore newStore();

  protected static FulfillmentMetrics metrics(TenantId tenant, LocalDate day) {
    FulfillmentKpis k = Kpis.compute(tenant, day.atStartOfDay(ZoneOffset.UTC).toInstant(),
        day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), List.of(), List.of(), Duration.ofDays(5));
    return new FulfillmentMetrics(tenant, day, ZoneOffset.UTC, k);
  }

  @Test
  void savesOnePerDayReplacingAndListsHalfOpenRangePerTenant() {
    MetricsStore s = newStore();
    TenantId a = TenantId.of("a");
    LocalDate d1 = LocalDate.of(2026, 11, 1);
    s.save(metrics(a, d1));
    s.save(metrics(a, d1));
    s.save(metrics(a, d1.plusDays(1)));
    s.save(metrics(a, d1.plusDays(2)));
    s.save(metrics(TenantId.of("b"), d1));
    assertThat(s.find(a, d1)).contains(metrics(a, d1));
    assertThat(s.list(a, d1, d1.plusDays(2))).extracting(FulfillmentMetrics::day).containsExactly(d1, d1.plusDays(1));
    assertThat(s.find(TenantId.of("c"), d1)).isEmpty();
  }
}

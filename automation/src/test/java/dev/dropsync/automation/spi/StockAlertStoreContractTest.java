package dev.dropsync.automation.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link StockAlertStore}. A host's store extends this class (from the
 * automation test-jar) and returns an empty store from {@link #newStore()}.
 */
public abstract class StockAlertStoreContractTest {
  protected static final TenantId A = TenantId.of("tenant-a");
  protected static final TenantId B = TenantId.of("tenant-b");
  protected static final VariantId V1 = VariantId.of("v1");
  protected static final VariantId V2 = VariantId.of("v2");
  protected static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  /** A new, empty store. */
  protected abstract StockAlertStore newStore();

  protected static StockAlert alert(TenantId tenant, String id, VariantId variant, StockAlertKind kind, Instant at) {
    return new StockAlert(tenant, id, ProductId.of("p1"), variant, "SKU-" + variant.value(), kind, 2, 5, at, null, null);
  }

  @Test
  void atMostOneOpenAlertPerVariantAndKind() {
    StockAlertStore s = newStore();
    StockAlert a1 = alert(A, "a1", V1, StockAlertKind.LOW_STOCK, T0);
    assertThat(s.open(a1)).isTrue();
    assertThat(s.open(alert(A, "a2", V1, StockAlertKind.LOW_STOCK, T0.plusSeconds(1)))).isFalse();
    assertThat(s.open(alert(A, "a3", V1, StockAlertKind.OUT_OF_STOCK, T0))).isTrue();
    assertThat(s.open(alert(A, "a4", V2, StockAlertKind.LOW_STOCK, T0))).isTrue();
    assertThat(s.open(alert(B, "a1", V1, StockAlertKind.LOW_STOCK, T0))).isTrue();
    assertThat(s.findOpen(A, V1, StockAlertKind.LOW_STOCK)).contains(a1);
    assertThat(s.openAlerts(A)).extracting(StockAlert::alertId).containsExactly("a1", "a3", "a4");
    assertThat(s.openAlerts(B)).extracting(StockAlert::alertId).containsExactly("a1");
  }

  @Test
  void closingReArmsTheCrossingAndKeepsHistory() {
    StockAlertStore s = newStore();
    s.open(alert(A, "a1", V1, StockAlertKind.LOW_STOCK, T0));
    assertThat(s.close(B, V1, StockAlertKind.LOW_STOCK, T0)).isFalse();
    assertThat(s.close(A, V1, StockAlertKind.OUT_OF_STOCK, T0)).isFalse();
    assertThat(s.close(A, V1, StockAlertKind.LOW_STOCK, T0.plusSeconds(60))).isTrue();
    assertThat(s.close(A, V1, StockAlertKind.LOW_STOCK, T0.plusSeconds(61))).isFalse();
    assertThat(s.findOpen(A, V1, StockAlertKind.LOW_STOCK)).isEmpty();
    assertThat(s.openAlerts(A)).isEmpty();
    assertThat(s.open(alert(A, "a2", V1, StockAlertKind.LOW_STOCK, T0.plusSeconds(120)))).isTrue();
    List<StockAlert> history = s.history(A, T0, T0.plusSeconds(3600));
    assertThat(history).extracting(StockAlert::alertId).containsExactly("a1", "a2");
    assertThat(history.get(0).closedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(history.get(1).open()).isTrue();
    assertThat(s.history(B, T0, T0.plusSeconds(3600))).isEmpty();
    assertThat(s.history(A, T0.plusSeconds(1), T0.plusSeconds(3600))).extracting(StockAlert::alertId).containsExactly("a2");
    assertThatThrownBy(() -> s.history(A, T0.plusSeconds(1), T0)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void deliveryIsMarkedOnce() {
    StockAlertStore s = newStore();
    s.open(alert(A, "a1", V1, StockAlertKind.LOW_STOCK, T0));
    assertThat(s.markDelivered(B, "a1", T0)).isFalse();
    assertThat(s.markDelivered(A, "a1", T0.plusSeconds(1))).isTrue();
    assertThat(s.markDelivered(A, "a1", T0.plusSeconds(2))).isFalse();
    assertThat(s.findOpen(A, V1, StockAlertKind.LOW_STOCK).orElseThrow().deliveredAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(s.markDelivered(A, "nope", T0)).isFalse();
  }

  @Test
  void concurrentOpensOfOneCrossingStoreOneAlert() throws Exception {
    StockAlertStore s = newStore();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        results.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return s.open(alert(A, "a" + n, V1, StockAlertKind.OUT_OF_STOCK, T0));
        }));
      }
      int wins = 0;
      for (Future<Boolean> f : results) {
        wins += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
      assertThat(s.openAlerts(A)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}

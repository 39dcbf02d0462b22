package dev.dropsync.inventory.analytics.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.Sale;
import dev.dropsync.inventory.analytics.SaleReturn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link SalesLedger} contract. Host implementations extend this class and implement {@link
 * #newLedger()} returning an empty ledger; every test must pass.
 */
public abstract class SalesLedgerContractTest {

  protected static final TenantId T1 = TenantId.of("t1");
  protected static final TenantId T2 = TenantId.of("t2");
  protected static final ProductId P1 = ProductId.of("p1");
  protected static final ProductId P2 = ProductId.of("p2");
  protected static final VariantId V1 = VariantId.of("v1");
  protected static final VariantId V2 = VariantId.of("v2");
  protected static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private SalesLedger ledger;

  /** A new, empty ledger. */
  protected abstract SalesLedger newLedger();

  @BeforeEach
  void setUp() {
    ledger = newLedger();
  }

  protected static Sale sale(TenantId t, ProductId p, VariantId v, long qty, Instant at, String ref) {
    return new Sale(t, p, v, qty, Money.of("10.00", "USD"), Money.of("4.00", "USD"), at, ref);
  }

  @Test
  void recordedSaleIsReturnedByTenantAndProductQueries() {
    Sale s = sale(T1, P1, V1, 2, T0.plusSeconds(60), "o1");
    assertThat(ledger.recordSale(s)).isTrue();
    assertThat(ledger.sales(T1, T0, T0.plus(Duration.ofDays(1)))).containsExactly(s);
    assertThat(ledger.sales(T1, P1, T0, T0.plus(Duration.ofDays(1)))).containsExactly(s);
    assertThat(ledger.sales(T1, P2, T0, T0.plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void recordingTheSameSaleTwiceStoresItOnce() {
    Sale s = sale(T1, P1, V1, 2, T0, "o1");
    assertThat(ledger.recordSale(s)).isTrue();
    assertThat(ledger.recordSale(sale(T1, P1, V1, 2, T0, "o1"))).isFalse();
    assertThat(ledger.sales(T1, T0, T0.plusSeconds(1))).hasSize(1);
  }

  @Test
  void differentSaleUnderSameOrderRefAndVariantIsRejectedAndNothingChanges() {
    ledger.recordSale(sale(T1, P1, V1, 2, T0, "o1"));
    assertThatThrownBy(() -> ledger.recordSale(sale(T1, P1, V1, 3, T0, "o1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("orderRef")
        .hasMessageContaining("o1");
    assertThat(ledger.sales(T1, T0, T0.plusSeconds(1))).extracting(Sale::quantity).containsExactly(2L);
  }

  @Test
  void sameOrderRefWithAnotherVariantIsASeparateLine() {
    assertThat(ledger.recordSale(sale(T1, P1, V1, 2, T0, "o1"))).isTrue();
    assertThat(ledger.recordSale(sale(T1, P1, V2, 1, T0, "o1"))).isTrue();
    assertThat(ledger.sales(T1, T0, T0.plusSeconds(1))).hasSize(2);
  }

  @Test
  void tenantsAreIsolated() {
    ledger.recordSale(sale(T1, P1, V1, 2, T0, "o1"));
    assertThat(ledger.recordSale(sale(T2, P1, V1, 5, T0, "o1"))).isTrue();
    assertThat(ledger.sales(T2, T0, T0.plusSeconds(1))).extracting(Sale::quantity).containsExactly(5L);
    assertThat(ledger.sales(T1, T0, T0.plusSeconds(1))).extracting(Sale::quantity).containsExactly(2L);
    ledger.recordReturn(new SaleReturn(T1, P1, V1, 1, T0, "o1"));
    assertThat(ledger.returns(T2, T0, T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void queryRangeIsHalfOpenAndOrderedByTime() {
    Sale late = sale(T1, P1, V1, 1, T0.plusSeconds(100), "late");
    Sale early = sale(T1, P1, V1, 1, T0, "early");
    Sale end = sale(T1, P1, V1, 1, T0.plusSeconds(200), "end");
    ledger.recordSale(late);
    ledger.recordSale(early);
    ledger.recordSale(end);
    assertThat(ledger.sales(T1, T0, T0.plusSeconds(200))).containsExactly(early, late);
  }

  @Test
  void emptyOrInvertedRangeIsRejected() {
    assertThatThrownBy(() -> ledger.sales(T1, T0, T0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("from");
    assertThatThrownBy(() -> ledger.returns(T1, P1, T0.plusSeconds(1), T0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("from");
  }

  @Test
  void returnIsRecordedOnceAndQueriedByProduct() {
    ledger.recordSale(sale(T1, P1, V1, 3, T0, "o1"));
    SaleReturn r = new SaleReturn(T1, P1, V1, 2, T0.plusSeconds(10), "o1");
    assertThat(ledger.recordReturn(r)).isTrue();
    assertThat(ledger.recordReturn(new SaleReturn(T1, P1, V1, 2, T0.plusSeconds(10), "o1"))).isFalse();
    assertThat(ledger.returns(T1, P1, T0, T0.plusSeconds(60))).containsExactly(r);
    assertThat(ledger.returns(T1, P2, T0, T0.plusSeconds(60))).isEmpty();
  }

  @Test
  void returnWithoutMatchingSaleIsNotFound() {
    ledger.recordSale(sale(T1, P1, V1, 3, T0, "o1"));
    assertThatThrownBy(() -> ledger.recordReturn(new SaleReturn(T1, P1, V2, 1, T0, "o1")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> ledger.recordReturn(new SaleReturn(T2, P1, V1, 1, T0, "o1")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> ledger.recordReturn(new SaleReturn(T1, P2, V1, 1, T0, "o1")))
        .isInstanceOf(NotFoundException.class);
    assertThat(ledger.returns(T1, T0, T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void returningMoreThanSoldIsRejected() {
    ledger.recordSale(sale(T1, P1, V1, 3, T0, "o1"));
    assertThatThrownBy(() -> ledger.recordReturn(new SaleReturn(T1, P1, V1, 4, T0, "o1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quantity")
        .hasMessageContaining("4");
    assertThat(ledger.returns(T1, T0, T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void conflictingSecondReturnIsRejected() {
    ledger.recordSale(sale(T1, P1, V1, 3, T0, "o1"));
    ledger.recordReturn(new SaleReturn(T1, P1, V1, 1, T0, "o1"));
    assertThatThrownBy(() -> ledger.recordReturn(new SaleReturn(T1, P1, V1, 2, T0, "o1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("orderRef");
    assertThat(ledger.returns(T1, T0, T0.plusSeconds(1))).extracting(SaleReturn::quantity).containsExactly(1L);
  }

  @Test
  void concurrentDuplicateRecordingStoresEachLineExactlyOnce() throws Exception {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    int threads = 4;
    int lines = 400;
    List<Sale> all = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      all.add(
          sale(T1, i % 2 == 0 ? P1 : P2, i % 3 == 0 ? V1 : V2, 1 + random.nextInt(5),
              T0.plusSeconds(random.nextInt(86_400)), "o" + (i / 2)));
    }
    // Lines i and i+1 share an order ref and sometimes a variant too; keep the first line per
    // (orderRef, variant) key, the others would be rejected as conflicting duplicates.
    java.util.Map<String, Sale> expected = new java.util.LinkedHashMap<>();
    List<Sale> accepted = new ArrayList<>();
    for (Sale s : all) {
      Sale prior = expected.putIfAbsent(s.orderRef() + "/" + s.variant(), s);
      if (prior == null) {
        accepted.add(s);
      }
    }
    AtomicInteger stored = new AtomicInteger();
    CyclicBarrier barrier = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long threadSeed = random.nextLong();
        futures.add(
            pool.submit(
                () -> {
                  SplittableRandom r = new SplittableRandom(threadSeed);
                  barrier.await(30, TimeUnit.SECONDS);
                  for (int k = 0; k < accepted.size(); k++) {
                    Sale s = accepted.get(r.nextInt(accepted.size()));
                    if (ledger.recordSale(s)) {
                      stored.incrementAndGet();
                    }
                  }
                  for (Sale s : accepted) {
                    if (ledger.recordSale(s)) {
                      stored.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(stored.get()).as("seed %d", seed).isEqualTo(accepted.size());
    assertThat(ledger.sales(T1, T0, T0.plus(Duration.ofDays(1))))
        .as("seed %d", seed)
        .containsExactlyInAnyOrderElementsOf(accepted);
  }
}

package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import dev.dropsync.inventory.memory.InMemorySupplierCatalog;
import dev.dropsync.inventory.spi.InventoryStore;
import dev.dropsync.inventory.spi.SupplierCatalog;
import dev.dropsync.inventory.spi.SupplierPage;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierQuery;
import dev.dropsync.inventory.spi.SupplierVariant;
import dev.dropsync.inventory.testing.MutableClock;
import dev.dropsync.inventory.testing.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class InventorySyncTest {
  private final MutableClock clock = MutableClock.atEpoch2026();
  private final InMemorySupplierCatalog cj = new InMemorySupplierCatalog("cj");
  private final InMemoryInventoryStore store = new InMemoryInventoryStore();
  private final RecordingListener events = new RecordingListener();
  private final TenantId shop = TenantId.of("shop");
  private final AtomicInteger ids = new AtomicInteger();
  /** Runs on every stock read (e.g. to advance the virtual clock). */
  private volatile Consumer<Collection<String>> onStockRead = ids -> {};

  /** The supplier as the engine sees it: the in-memory one plus the hook above. */
  private final SupplierCatalog supplier = new SupplierCatalog() {
    @Override
    public String supplierId() {
      return cj.supplierId();
    }

    @Override
    public Optional<SupplierProduct> product(String id) {
      return cj.product(id);
    }

    @Override
    public Optional<String> productIdFromUrl(String url) {
      return cj.productIdFromUrl(url);
    }

    @Override
    public SupplierPage search(SupplierQuery query) {
      return cj.search(query);
    }

    @Override
    public Map<String, Long> stockLevels(Collection<String> variantIds) {
      onStockRead.accept(variantIds);
      return cj.stockLevels(variantIds);
    }

    @Override
    public Map<String, Money> costs(Collection<String> variantIds) {
      return cj.costs(variantIds);
    }
  };

  private InventoryEngine engine(Executor executor, int concurrency) {
    InventoryEngine e = InventoryEngine.builder().clock(clock).store(store).supplier(supplier).listener(events)
        .idGenerator(() -> String.format("p%03d", ids.incrementAndGet()))
        .syncExecutor(executor).syncConcurrency(concurrency).build();
    e.registerTenant(Tenant.of(shop, Plan.PREMIUM, Currency.getInstance("USD")));
    return e;
  }

  private List<Product> seed(InventoryEngine e, int n) {
    List<Product> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cj.put(new SupplierProduct("S" + i, "Item " + i, List.of("Home"),
          List.of(new SupplierVariant("S" + i + "-V", "SKU" + i, Money.of("5.00", "USD"), 20))));
      out.add(e.importProduct(shop, "S" + i).requireProduct());
    }
    return out;
  }

  @Test
  void appliesSupplierChangesAndCountsOutcomes() {
    InventoryEngine e = engine(Runnable::run, 2);
    List<Product> ps = seed(e, 5);
    cj.setStock("S1-V", 7);
    cj.setCost("S2-V", Money.of("6.00", "USD"));
    cj.setStock("S3-V", 0);
    SyncRun run = e.sync().start(shop).await(Duration.ofSeconds(30));
    assertThat(run.status()).isEqualTo(SyncRunStatus.COMPLETED);
    assertThat(run.total()).isEqualTo(5);
    assertThat(run.updated()).isEqualTo(3);
    assertThat(run.unchanged()).isEqualTo(2);
    assertThat(run.failed()).isZero();
    assertThat(run.successRate()).hasValue(1.0);
    assertThat(e.available(shop, ps.get(1).variants().get(0).id())).isEqualTo(7);
    assertThat(e.product(shop, ps.get(2).id()).variants().get(0).retailPrice()).isEqualTo(Money.of("12.99", "USD"));
    assertThat(e.product(shop, ps.get(3).id()).status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
    assertThat(e.ledger(shop, ps.get(1).variants().get(0).id())).last()
        .satisfies(le -> assertThat(le.ref()).isEqualTo(run.runId()));
    assertThat(e.sync().history(shop)).containsExactly(run);
  }

  @Test
  void eachProductIsReadWithOneCombinedOfferCall() {
    InventoryEngine e = InventoryEngine.builder().clock(clock).store(store).supplier(cj).listener(events)
        .idGenerator(() -> String.format("p%03d", ids.incrementAndGet())).syncExecutor(Runnable::run).build();
    e.registerTenant(Tenant.of(shop, Plan.PREMIUM, Currency.getInstance("USD")));
    for (int i = 0; i < 3; i++) {
      cj.put(new SupplierProduct("M" + i, "Multi " + i, List.of("Home"), List.of(
          new SupplierVariant("M" + i + "-A", "SKU" + i + "A", Money.of("5.00", "USD"), 20),
          new SupplierVariant("M" + i + "-B", "SKU" + i + "B", Money.of("6.00", "USD"), 30))));
      e.importProduct(shop, "M" + i).requireProduct();
    }
    cj.setStock("M1-B", 4);
    long stockReads = cj.stockCalls();
    SyncRun run = e.sync().start(shop).await(Duration.ofSeconds(30));
    assertThat(run.updated()).isEqualTo(1);
    assertThat(cj.offerCalls()).isEqualTo(3);
    assertThat(cj.stockCalls()).isEqualTo(stockReads);
  }

  @Test
  void aProductTakenOffSaleGoesOutOfStockKeepsItsCostAndComesBack() {
    InventoryEngine e = engine(Runnable::run, 1);
    List<Product> ps = seed(e, 2);
    VariantId v = ps.get(0).variants().get(0).id();
    Money retail = e.product(shop, ps.get(0).id()).variants().get(0).retailPrice();
    cj.takeOffline("S0");
    SyncRun off = e.sync().start(shop).await(Duration.ofSeconds(30));
    assertThat(off.failed()).isZero();
    assertThat(e.available(shop, v)).isZero();
    assertThat(e.product(shop, ps.get(0).id()).status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
    assertThat(e.product(shop, ps.get(0).id()).variants().get(0).cost()).isEqualTo(Money.of("5.00", "USD"));
    assertThat(e.product(shop, ps.get(0).id()).variants().get(0).retailPrice()).isEqualTo(retail);
    cj.putOnline("S0");
    e.sync().start(shop).await(Duration.ofSeconds(30));
    assertThat(e.available(shop, v)).isEqualTo(20);
    assertThat(e.product(shop, ps.get(0).id()).status()).isEqualTo(ProductStatus.ACTIVE);
  }

  @Test
  void rerunWithUnchangedSupplierDataChangesNothingAndWritesNoLedger() {
    InventoryEngine e = engine(Runnable::run, 2);
    seed(e, 4);
    cj.setStock("S0-V", 3);
    e.sync().start(shop).await(Duration.ofSeconds(30));
    List<Product> before = e.products(shop);
    int ledger = store.ledger(shop, 0, 10_000).size();
    events.clear();
    SyncRun again = e.sync().start(shop).await(Duration.ofSeconds(30));
    assertThat(again.unchanged()).isEqualTo(4);
    assertThat(again.updated()).isZero();
    assertThat(e.products(shop)).isEqualTo(before);
    assertThat(store.ledger(shop, 0, 10_000)).hasSize(ledger);
    assertThat(events.events()).isEmpty();
  }

  @Test
  void failingProductIsRecordedAndTheRunGoesOn() {
    InventoryEngine e = engine(Runnable::run, 1);
    List<Product> ps = seed(e, 4);
    cj.failReadsOf("S2", "CJ timeout");
    cj.setStock("S3-V", 1);
    SyncHandle h = e.sync().start(shop, null, null);
    SyncRun run = h.await(Duration.ofSeconds(30));
    assertThat(run.failed()).isEqualTo(1);
    assertThat(run.processed()).isEqualTo(4);
    assertThat(run.successRate()).hasValue(0.75);
    assertThat(h.failures()).containsOnlyKeys(ps.get(2).id());
    assertThat(h.failures().get(ps.get(2).id())).contains("CJ timeout");
    SyncItem stored = store.syncItems(shop, run.runId()).get(ps.get(2).id());
    assertThat(stored).isNotNull();
    assertThat(stored.outcome()).isEqualTo(SyncItemOutcome.FAILED);
    assertThat(stored.error()).contains("CJ timeout");
    assertThat(e.available(shop, ps.get(3).variants().get(0).id())).isEqualTo(1);
    assertThatThrownBy(() -> e.sync().resume(shop, run.runId(), null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void cancelThenResumeSkipsWhatIsDone() {
    InventoryEngine e = engine(Runnable::run, 1);
    seed(e, 10);
    for (int i = 0; i < 10; i++) {
      cj.setStock("S" + i + "-V", 11);
    }
    AtomicInteger reads = new AtomicInteger();
    onStockRead = vids -> reads.incrementAndGet();
    // The inline executor runs the whole sync inside start(), so cancel through current().
    SyncHandle first = e.sync().start(shop, null, s -> {
      if (s.processed() == 4) {
        e.sync().current(shop).orElseThrow().cancel();
      }
    });
    SyncRun cancelled = first.await(Duration.ofSeconds(30));
    assertThat(cancelled.status()).isEqualTo(SyncRunStatus.CANCELLED);
    assertThat(cancelled.processed()).isEqualTo(4);
    assertThat(reads.get()).isEqualTo(4);
    assertThat(e.sync().current(shop)).isEmpty();
    SyncRun resumed = e.sync().resume(shop, cancelled.runId(), null).await(Duration.ofSeconds(30));
    assertThat(resumed.status()).isEqualTo(SyncRunStatus.COMPLETED);
    assertThat(resumed.runId()).isEqualTo(cancelled.runId());
    assertThat(resumed.processed()).isEqualTo(10);
    assertThat(resumed.updated()).isEqualTo(10);
    assertThat(reads.get()).isEqualTo(10);
    assertThat(e.products(shop)).allSatisfy(p -> assertThat(p.variants().get(0).onHand()).isEqualTo(11));
  }

  @Test
  void liveStatusReportsProgressAndEstimatedCompletionFromTheObservedRate() {
    InventoryEngine e = engine(Runnable::run, 1);
    seed(e, 10);
    Instant start = clock.instant();
    onStockRead = vids -> clock.advance(Duration.ofSeconds(1));
    List<SyncStatus> seen = new CopyOnWriteArrayList<>();
    e.sync().start(shop, null, seen::add).await(Duration.ofSeconds(30));
    assertThat(seen.get(0).running()).isTrue();
    assertThat(seen.get(0).processed()).isZero();
    assertThat(seen.get(0).total()).isEqualTo(10);
    assertThat(seen.get(0).estimatedCompletion()).isNull();
    SyncStatus third = seen.get(3);
    assertThat(third.processed()).isEqualTo(3);
    assertThat(third.progress()).isEqualTo(0.3);
    assertThat(third.currentTask()).startsWith("syncing product p00");
    assertThat(third.startedAt()).isEqualTo(start);
    assertThat(third.estimatedCompletion()).isEqualTo(start.plusSeconds(10));
    assertThat(third.unchanged()).isEqualTo(3);
    SyncStatus last = seen.get(seen.size() - 1);
    assertThat(last.running()).isFalse();
    assertThat(last.state()).isEqualTo(SyncRunStatus.COMPLETED);
    assertThat(last.progress()).isEqualTo(1.0);
    assertThat(e.sync().history(shop).get(0).finishedAt()).isEqualTo(start.plusSeconds(10));
  }

  @Test
  void syncsOnlyTheChosenSubset() {
    InventoryEngine e = engine(Runnable::run, 2);
    List<Product> ps = seed(e, 5);
    cj.setStock("S0-V", 1);
    cj.setStock("S4-V", 1);
    SyncRun run = e.sync().start(shop, List.of(ps.get(4).id()), null).await(Duration.ofSeconds(30));
    assertThat(run.total()).isEqualTo(1);
    assertThat(e.available(shop, ps.get(4).variants().get(0).id())).isEqualTo(1);
    assertThat(e.available(shop, ps.get(0).variants().get(0).id())).isEqualTo(20);
  }

  @Test
  void onlyOneRunPerTenantAtATime() {
    ArrayDeque<Runnable> queued = new ArrayDeque<>();
    InventoryEngine e = engine(queued::add, 2);
    seed(e, 3);
    SyncHandle h = e.sync().start(shop);
    assertThat(h.status().running()).isTrue();
    assertThatThrownBy(() -> e.sync().start(shop)).isInstanceOf(SyncInProgressException.class)
        .hasMessageContaining(h.runId());
    while (!queued.isEmpty()) {
      queued.poll().run();
    }
    assertThat(h.await(Duration.ofSeconds(1)).status()).isEqualTo(SyncRunStatus.COMPLETED);
    assertThat(e.sync().start(shop).future()).isNotDone();
  }

  @Test
  void readsTheSupplierWithBoundedConcurrency() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      InventoryEngine e = engine(pool, 3);
      seed(e, 30);
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger max = new AtomicInteger();
      CountDownLatch threeAtOnce = new CountDownLatch(3);
      onStockRead = vids -> {
        int now = inFlight.incrementAndGet();
        max.accumulateAndGet(now, Math::max);
        threeAtOnce.countDown();
        try {
          // the first three reads wait for each other: proves three run at once
          threeAtOnce.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
        }
        inFlight.decrementAndGet();
      };
      SyncRun run = e.sync().start(shop).await(Duration.ofSeconds(60));
      assertThat(run.processed()).isEqualTo(30);
      assertThat(threeAtOnce.getCount()).isZero();
      assertThat(max.get()).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void planSkipsArchivedProducts() {
    InventoryEngine e = engine(Runnable::run, 1);
    List<Product> ps = seed(e, 3);
    e.archive(shop, ps.get(1).id());
    assertThat(e.sync().plan(shop, null)).containsExactly(ps.get(0).id(), ps.get(2).id());
  }

  @Test
  void syncNowRereadsOneProductOutsideARun() {
    InventoryEngine e = engine(Runnable::run, 1);
    List<Product> ps = seed(e, 2);
    cj.setStock("S1-V", 0);
    assertThat(e.sync().syncNow(shop, ps.get(1).id(), "webhook-msg-1")).isEqualTo(SyncItemOutcome.UPDATED);
    assertThat(e.sync().syncNow(shop, ps.get(1).id(), "webhook-msg-2")).isEqualTo(SyncItemOutcome.UNCHANGED);
    assertThat(e.product(shop, ps.get(1).id()).status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
    assertThat(e.ledger(shop, ps.get(1).variants().get(0).id())).last()
        .satisfies(le -> assertThat(le.ref()).isEqualTo("webhook-msg-1"));
    assertThat(e.sync().history(shop)).isEmpty();
  }

  @Test
  void resumeRetriesWhatFailedBeforeTheCancel() {
    InventoryEngine e = engine(Runnable::run, 1);
    List<Product> ps = seed(e, 3);
    cj.failReadsOf("S1", "CJ busy");
    cj.setStock("S1-V", 4);
    SyncRun cancelled = e.sync().start(shop, null, st -> {
      if (st.processed() == 2) {
        e.sync().current(shop).orElseThrow().cancel();
      }
    }).await(Duration.ofSeconds(30));
    assertThat(cancelled.failed()).isEqualTo(1);
    assertThat(cancelled.status()).isEqualTo(SyncRunStatus.CANCELLED);
    cj.healReadsOf("S1");
    SyncRun done = e.sync().resume(shop, cancelled.runId(), null).await(Duration.ofSeconds(30));
    assertThat(done.status()).isEqualTo(SyncRunStatus.COMPLETED);
    assertThat(done.failed()).isZero();
    assertThat(done.processed()).isEqualTo(3);
    assertThat(done.successRate()).hasValue(1.0);
    assertThat(e.available(shop, ps.get(1).variants().get(0).id())).isEqualTo(4);
    assertThat(store.syncItems(shop, done.runId()).values()).extracting(SyncItem::outcome)
        .doesNotContain(SyncItemOutcome.FAILED, SyncItemOutcome.PENDING);
  }

  /** The in-memory store, with {@code intercept} run before each call (it may throw to fail the call). */
  private InventoryStore storeWith(java.util.function.BiConsumer<String, Object[]> intercept) {
    return (InventoryStore) java.lang.reflect.Proxy.newProxyInstance(InventoryStore.class.getClassLoader(),
        new Class<?>[] {InventoryStore.class}, (proxy, method, args) -> {
          intercept.accept(method.getName(), args == null ? new Object[0] : args);
          try {
            return method.invoke(store, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private InventoryEngine engineOn(InventoryStore s) {
    InventoryEngine e = InventoryEngine.builder().clock(clock).store(s).supplier(supplier).listener(events)
        .idGenerator(() -> String.format("p%03d", ids.incrementAndGet()))
        .syncExecutor(Runnable::run).syncConcurrency(1).build();
    e.registerTenant(Tenant.of(shop, Plan.PREMIUM, Currency.getInstance("USD")));
    return e;
  }

  @Test
  void aRunIsStoredOnlyAfterItsPlanSoAProcessDyingInBetweenLeavesNothingHalfResumable() {
    List<String> saves = new ArrayList<>();
    InventoryEngine e = engineOn(storeWith((method, args) -> {
      if (method.equals("saveSyncRun")) {
        SyncRun r = (SyncRun) args[0];
        saves.add(r.status() + " with " + store.syncItems(shop, r.runId()).size() + " items");
      }
    }));
    seed(e, 3);
    e.sync().start(shop).await(Duration.ofSeconds(30));
    assertThat(saves).first().isEqualTo("RUNNING with 3 items");
  }

  @Test
  void aStoreFailureWhileStartingLeavesTheTenantFreeToSyncAgain() {
    AtomicInteger failuresLeft = new AtomicInteger(1);
    InventoryEngine e = engineOn(storeWith((method, args) -> {
      if (method.equals("recordSyncItems") && failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("database went away");
      }
    }));
    seed(e, 2);
    assertThatThrownBy(() -> e.sync().start(shop)).hasMessageContaining("database went away");
    assertThat(e.sync().current(shop)).isEmpty();
    assertThat(e.sync().start(shop).await(Duration.ofSeconds(30)).status()).isEqualTo(SyncRunStatus.COMPLETED);
  }
}

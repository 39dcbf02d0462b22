package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.inventory.InsufficientStockException;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.LedgerEntry;
import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.PlanLimitExceededException;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.Reservation;
import dev.dropsync.inventory.ReservationConflictException;
import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.ReservationStatus;
import dev.dropsync.inventory.SyncInProgressException;
import dev.dropsync.inventory.SyncItem;
import dev.dropsync.inventory.SyncItemOutcome;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.SyncRunStatus;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.spi.InventoryStore;
import dev.dropsync.inventory.spi.StatusChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The real {@link InventoryEngine} and {@link dev.dropsync.inventory.InventorySync} on {@link
 * JdbcInventoryStore}, with several engines (each standing for a process) sharing one PostgreSQL.
 * Randomised tests print their seed in every failure message; rerun one with {@code
 * -Dstorage.seed=<seed>}.
 */
class JdbcInventoryEngineTest {
  private static long seed() {
    return Long.getLong("storage.seed", new SplittableRandom().nextLong());
  }

  @Test
  void syncWritesChangedStockAndCostOnceAndAnUnchangedRerunWritesNothing() {
    try (InventoryRig rig = new InventoryRig()) {
      InventoryEngine engine = rig.engine();
      TenantId shop = InventoryRig.tenant(engine, "shop", Plan.PREMIUM);
      List<Product> products = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        products.add(rig.product(engine, shop, "SP" + i, 10, 4));
      }
      long ledgerBefore = engine.store().ledger(shop, 0, Integer.MAX_VALUE).size();
      // supplier moves: stock of every third product's A variant, cost of every fifth product's B variant
      Set<VariantId> stockMoved = new HashSet<>();
      Set<ProductId> changed = new HashSet<>();
      for (int i = 0; i < products.size(); i++) {
        Product p = products.get(i);
        if (i % 3 == 0) {
          rig.supplier.setStock("SP" + i + "-A", i % 2 == 0 ? 0 : 25);
          stockMoved.add(p.variants().get(0).id());
          changed.add(p.id());
        }
        if (i % 5 == 0) {
          rig.supplier.setCost("SP" + i + "-B", Money.of("3.10", "USD"));
          changed.add(p.id());
        }
      }

      SyncRun run = engine.sync().start(shop).await(Duration.ofSeconds(60));

      assertThat(run.status()).isEqualTo(SyncRunStatus.COMPLETED);
      assertThat(run.total()).isEqualTo(40);
      assertThat(run.updated()).isEqualTo(changed.size());
      assertThat(run.unchanged()).isEqualTo(40 - changed.size());
      assertThat(run.failed()).isZero();
      assertThat(engine.sync().history(shop)).containsExactly(run);
      Map<ProductId, SyncItem> items = engine.store().syncItems(shop, run.runId());
      assertThat(items).hasSize(40);
      items.forEach((id, item) -> assertThat(item.outcome())
          .isEqualTo(changed.contains(id) ? SyncItemOutcome.UPDATED : SyncItemOutcome.UNCHANGED));
      List<LedgerEntry> written = engine.store().ledger(shop, ledgerBefore, Integer.MAX_VALUE);
      assertThat(written).extracting(LedgerEntry::variant).containsExactlyInAnyOrderElementsOf(stockMoved);
      assertThat(written).allSatisfy(e -> {
        assertThat(e.reason()).isEqualTo(LedgerReason.SUPPLIER_SYNC);
        assertThat(e.ref()).isEqualTo(run.runId());
      });
      for (int i = 0; i < products.size(); i++) {
        Product p = engine.product(shop, products.get(i).id());
        assertThat(p.variants().get(0).onHand()).isEqualTo(i % 3 == 0 ? (i % 2 == 0 ? 0 : 25) : 10);
        assertThat(p.variants().get(1).cost()).isEqualTo(Money.of(i % 5 == 0 ? "3.10" : "2.00", "USD"));
        // variant B still has stock, so no product went out of stock
        assertThat(p.status()).isEqualTo(ProductStatus.ACTIVE);
        long[] replay = LedgerEntry.replay(engine.ledger(shop, p.variants().get(0).id()));
        assertThat(replay).containsExactly(p.variants().get(0).onHand(), p.variants().get(0).reserved());
      }

      long ledgerAfter = engine.store().ledger(shop, 0, Integer.MAX_VALUE).size();
      SyncRun again = engine.sync().start(shop).await(Duration.ofSeconds(60));
      assertThat(again.unchanged()).isEqualTo(40);
      assertThat(engine.store().ledger(shop, 0, Integer.MAX_VALUE)).hasSize((int) ledgerAfter);
      assertThat(engine.sync().history(shop)).extracting(SyncRun::runId).containsExactly(run.runId(), again.runId());
    }
  }

  @Test
  void concurrentActivationsAtNineOfTenAdmitExactlyOneAcrossEngines() throws Exception {
    long seed = seed();
    String ctx = "seed " + seed + " (rerun with -Dstorage.seed=" + seed + ")";
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 3; round++) {
      try (InventoryRig rig = new InventoryRig()) {
        List<InventoryEngine> engines = List.of(rig.engine(), rig.engine(), rig.engine());
        TenantId shop = InventoryRig.tenant(engines.get(0), "shop", Plan.FREE);
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          products.add(rig.product(engines.get(0), shop, "ON" + i, 5));
        }
        int racers = 4 + random.nextInt(13);
        List<Product> drafts = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
          drafts.add(rig.product(engines.get(0), shop, "DR" + i, 5));
        }
        // imports beyond the FREE limit of 10 are drafts; pausing one leaves the plan at 9 of 10
        assertThat(drafts).as(ctx).allSatisfy(p -> assertThat(p.status()).isEqualTo(ProductStatus.DRAFT));
        engines.get(0).deactivate(shop, products.get(0).id());
        assertThat(engines.get(0).store().countActive(shop)).as(ctx).isEqualTo(9);

        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try {
          List<Future<?>> fs = new ArrayList<>();
          for (int i = 0; i < racers; i++) {
            InventoryEngine engine = engines.get(i % engines.size());
            ProductId id = drafts.get(i).id();
            fs.add(pool.submit(() -> {
              start.await(30, TimeUnit.SECONDS);
              try {
                engine.activate(shop, id);
                won.incrementAndGet();
              } catch (PlanLimitExceededException e) {
                assertThat(e.limit()).isEqualTo(10);
                assertThat(e.currentCount()).isEqualTo(10);
                refused.incrementAndGet();
              }
              return null;
            }));
          }
          for (Future<?> f : fs) {
            f.get(60, TimeUnit.SECONDS);
          }
        } finally {
          pool.shutdownNow();
        }
        assertThat(won.get()).as(ctx + ", " + racers + " racers").isEqualTo(1);
        assertThat(refused.get()).as(ctx).isEqualTo(racers - 1);
        assertThat(engines.get(1).store().countActive(shop)).as(ctx).isEqualTo(10);
        assertThat(activeRows(shop)).as(ctx).isEqualTo(10);
      }
    }
  }

  @Test
  void randomActivationsAndDeactivationsNeverPassTheLimitAndKeepTheCounter() throws Exception {
    long seed = seed();
    String ctx = "seed " + seed + " (rerun with -Dstorage.seed=" + seed + ")";
    try (InventoryRig rig = new InventoryRig()) {
      InventoryEngine setup = rig.engine();
      TenantId shop = InventoryRig.tenant(setup, "shop", Plan.PREMIUM);
      List<ProductId> ids = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        ids.add(rig.product(setup, shop, "P" + i, 3).id());
      }
      for (ProductId id : ids) {
        setup.deactivate(shop, id);
      }
      int limit = 10;
      int threads = 6;
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      AtomicInteger overLimit = new AtomicInteger();
      AtomicInteger activations = new AtomicInteger();
      try {
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          InventoryStore store = new JdbcInventoryStore(rig.app);
          SplittableRandom r = new SplittableRandom(seed + t);
          fs.add(pool.submit(() -> {
            start.await(30, TimeUnit.SECONDS);
            for (int i = 0; i < 150; i++) {
              ProductId id = ids.get(r.nextInt(ids.size()));
              ProductStatus to = r.nextInt(3) == 0 ? ProductStatus.INACTIVE : ProductStatus.ACTIVE;
              StatusChange c = store.changeStatus(shop, id, -1, to, OptionalInt.of(limit), rig.clock.instant());
              if (c.activeCount() > limit) {
                overLimit.incrementAndGet();
              }
              if (c.outcome() == StatusChange.Outcome.CHANGED && to == ProductStatus.ACTIVE) {
                activations.incrementAndGet();
              }
            }
            return null;
          }));
        }
        for (Future<?> f : fs) {
          f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(overLimit.get()).as(ctx).isZero();
      assertThat(activations.get()).as(ctx + ": the run must reach the limit").isGreaterThan(limit);
      assertThat(setup.store().countActive(shop)).as(ctx).isEqualTo(activeRows(shop)).isLessThanOrEqualTo(limit);
    }
  }

  @Test
  void randomConcurrentStockOperationsOfTwoEnginesKeepEveryInvariant() throws Exception {
    long seed = seed();
    for (int round = 0; round < 2; round++) {
      runRandomRound(seed + round);
    }
  }

  private static void runRandomRound(long seed) throws Exception {
    String ctx = "seed " + seed + " (rerun with -Dstorage.seed=" + seed + ")";
    try (InventoryRig rig = new InventoryRig()) {
      List<InventoryEngine> engines = List.of(rig.engine(), rig.engine());
      InventoryEngine first = engines.get(0);
      TenantId shop = InventoryRig.tenant(first, "shop", Plan.PREMIUM);
      List<VariantId> variants = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        rig.product(first, shop, "P" + p, 10, 5).variants().forEach(v -> variants.add(v.id()));
      }
      int refs = 150;
      int threads = 4;
      int ops = 500;
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> fs = new ArrayList<>();
        SplittableRandom root = new SplittableRandom(seed);
        for (int t = 0; t < threads; t++) {
          SplittableRandom r = root.split();
          InventoryEngine engine = engines.get(t % engines.size());
          fs.add(pool.submit(() -> {
            start.await(30, TimeUnit.SECONDS);
            int refused = 0;
            for (int i = 0; i < ops; i++) {
              String ref = "o" + r.nextInt(refs);
              int op = r.nextInt(100);
              try {
                if (op < 40) {
                  engine.reserve(shop, ref, linesOf(ref, seed, variants));
                } else if (op < 60) {
                  engine.release(shop, ref);
                } else if (op < 80) {
                  engine.commit(shop, ref);
                } else if (op < 93) {
                  engine.applySupplierStock(shop, variants.get(r.nextInt(variants.size())), r.nextInt(15), "sync");
                } else if (op < 95) {
                  int p = r.nextInt(3);
                  rig.supplier.setStock("P" + p + (r.nextBoolean() ? "-A" : "-B"), r.nextInt(15));
                  try {
                    engine.sync().start(shop).await(Duration.ofSeconds(60));
                  } catch (SyncInProgressException busy) {
                    refused++;
                  }
                } else {
                  engine.adjustStock(shop, variants.get(r.nextInt(variants.size())), 1 + r.nextInt(3), "recount");
                }
              } catch (InsufficientStockException | ReservationConflictException | NotFoundException e) {
                refused++;
              }
            }
            return refused;
          }));
        }
        for (Future<Integer> f : fs) {
          f.get(300, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      checkInvariants(ctx, engines.get(1), shop, variants, refs);
    }
  }

  /** The lines of an order ref are a function of the ref, so repeats are idempotent, not conflicts. */
  private static List<ReservationLine> linesOf(String ref, long seed, List<VariantId> variants) {
    SplittableRandom lr = new SplittableRandom(ref.hashCode() * 31L + seed);
    int n = 1 + lr.nextInt(2);
    Set<VariantId> chosen = new HashSet<>();
    List<ReservationLine> lines = new ArrayList<>();
    while (lines.size() < n) {
      VariantId v = variants.get(lr.nextInt(variants.size()));
      if (chosen.add(v)) {
        lines.add(new ReservationLine(v, 1 + lr.nextInt(3)));
      }
    }
    return lines;
  }

  /**
   * Replays the ledger in sequence order: sequences are 1..n without gaps; on-hand and reserved never
   * go negative; no reservation ever took more than was on hand; each (order, variant) is reserved,
   * committed and released at most once, never both committed and released; the stored stock is the
   * ledger's fold and equals the active reservations' holdings.
   */
  static void checkInvariants(String ctx, InventoryEngine engine, TenantId shop, List<VariantId> variants, int refs) {
    List<LedgerEntry> ledger = engine.store().ledger(shop, 0, Integer.MAX_VALUE);
    for (int i = 0; i < ledger.size(); i++) {
      assertThat(ledger.get(i).sequence()).as("%s: ledger sequences are gap-free", ctx).isEqualTo(i + 1L);
    }
    Map<VariantId, long[]> running = new HashMap<>();
    Map<String, Integer> commits = new HashMap<>();
    Map<String, Integer> releases = new HashMap<>();
    Map<String, Integer> reserves = new HashMap<>();
    for (LedgerEntry e : ledger) {
      long[] s = running.computeIfAbsent(e.variant(), k -> new long[2]);
      s[0] += e.deltaOnHand();
      s[1] += e.deltaReserved();
      assertThat(s[0]).as("%s onHand after entry %s", ctx, e).isGreaterThanOrEqualTo(0);
      assertThat(s[1]).as("%s reserved after entry %s", ctx, e).isGreaterThanOrEqualTo(0);
      String key = e.ref() + "|" + e.variant();
      switch (e.reason()) {
        case RESERVATION -> {
          assertThat(s[1]).as("%s reservation oversold at %s", ctx, e).isLessThanOrEqualTo(s[0]);
          reserves.merge(key, 1, Integer::sum);
        }
        case COMMIT -> commits.merge(key, 1, Integer::sum);
        case RELEASE -> releases.merge(key, 1, Integer::sum);
        default -> { }
      }
    }
    assertThat(reserves.values()).as(ctx + ": each ref reserves a variant once").allMatch(c -> c == 1);
    assertThat(commits.values()).as(ctx + ": committed at most once").allMatch(c -> c == 1);
    assertThat(releases.values()).as(ctx + ": released at most once").allMatch(c -> c == 1);
    for (String key : commits.keySet()) {
      assertThat(releases).as(ctx + ": committed and released " + key).doesNotContainKey(key);
    }
    Map<VariantId, Long> activeByVariant = new HashMap<>();
    int committed = 0;
    for (int i = 0; i < refs; i++) {
      Reservation r = engine.findReservation(shop, "o" + i).orElse(null);
      if (r == null) {
        continue;
      }
      for (ReservationLine l : r.lines()) {
        String key = r.orderRef() + "|" + l.variant();
        assertThat(commits.getOrDefault(key, 0)).as(ctx + " " + key)
            .isEqualTo(r.status() == ReservationStatus.COMMITTED ? 1 : 0);
        assertThat(releases.getOrDefault(key, 0)).as(ctx + " " + key)
            .isEqualTo(r.status() == ReservationStatus.RELEASED ? 1 : 0);
        if (r.status() == ReservationStatus.ACTIVE) {
          activeByVariant.merge(l.variant(), l.quantity(), Long::sum);
        }
      }
      if (r.status() == ReservationStatus.COMMITTED) {
        committed++;
      }
    }
    for (VariantId v : variants) {
      Variant cur = engine.productOfVariant(shop, v).variant(v).orElseThrow();
      long[] replay = LedgerEntry.replay(engine.ledger(shop, v));
      assertThat(replay).as(ctx + ": ledger replays to stock of " + v).containsExactly(cur.onHand(), cur.reserved());
      assertThat(running.getOrDefault(v, new long[2])).as(ctx).containsExactly(cur.onHand(), cur.reserved());
      assertThat(engine.available(shop, v)).as(ctx).isEqualTo(Math.max(0, cur.onHand() - cur.reserved()))
          .isGreaterThanOrEqualTo(0);
      assertThat(cur.reserved()).as(ctx + ": reserved equals active reservations of " + v)
          .isEqualTo(activeByVariant.getOrDefault(v, 0L));
    }
    assertThat(committed).as(ctx + ": the run must exercise commits").isGreaterThan(0);
  }

  private static long activeRows(TenantId shop) {
    return InventoryRig.adminLong("SELECT count(*) FROM inventory_products WHERE tenant_id = ? AND status = 'ACTIVE'",
        shop.value());
  }
}

package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.inventory.spi.SupplierVariant;
import dev.dropsync.inventory.testing.InventoryFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random reserve / release / commit / supplier-sync / adjustment operations from
 * several threads on shared order references and variants, then checks the stock invariants.
 */
class RandomizedInvariantTest {
  private static final int THREADS = 4;
  private static final int OPS_PER_THREAD = 3000;

  @Test
  void stockInvariantsHoldUnderConcurrentRandomOperations() throws Exception {
    long seed = Long.getLong("inventory.seed", new SplittableRandom().nextLong());
    for (int round = 0; round < 3; round++) {
      runRound(seed + round);
    }
  }

  private void runRound(long seed) throws Exception {
    String ctx = "seed " + seed + " (rerun with -Dinventory.seed=" + seed + ")";
    InventoryFixture fx = InventoryFixture.create();
    InventoryEngine engine = fx.engine();
    TenantId shop = fx.tenant("shop", Plan.PREMIUM);
    List<VariantId> variants = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      Product prod = fx.product(shop, "P" + p, List.of("Home"),
          new SupplierVariant("P" + p + "-A", "A" + p, Money.of("2.00", "USD"), 10),
          new SupplierVariant("P" + p + "-B", "B" + p, Money.of("2.00", "USD"), 5));
      prod.variants().forEach(v -> variants.add(v.id()));
    }
    int refs = 400;
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> fs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        SplittableRandom rnd = new SplittableRandom(seed).split();
        for (int k = 0; k < t; k++) {
          rnd = rnd.split();
        }
        SplittableRandom r = rnd;
        fs.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          int refused = 0;
          for (int i = 0; i < OPS_PER_THREAD; i++) {
            String ref = "o" + r.nextInt(refs);
            int op = r.nextInt(100);
            try {
              if (op < 40) {
                // lines are a deterministic function of the ref, so retries are idempotent, not conflicts
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
                engine.reserve(shop, ref, lines);
              } else if (op < 60) {
                engine.release(shop, ref);
              } else if (op < 80) {
                engine.commit(shop, ref);
              } else if (op < 93) {
                engine.applySupplierStock(shop, variants.get(r.nextInt(variants.size())), r.nextInt(15), "sync");
              } else if (op < 95) {
                // a whole sync run against the supplier (whose levels other threads keep moving)
                int p = r.nextInt(3);
                fx.supplier().setStock("P" + p + (r.nextBoolean() ? "-A" : "-B"), r.nextInt(15));
                try {
                  engine.sync().start(shop).await(java.time.Duration.ofSeconds(60));
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
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<LedgerEntry> ledger = fx.store().ledger(shop, 0, Integer.MAX_VALUE);
    assertThat(ledger).as(ctx).extracting(LedgerEntry::sequence).isSorted().doesNotHaveDuplicates();
    // Replay in order: stock never negative, and a reservation never takes more than is on hand.
    Map<VariantId, long[]> running = new HashMap<>();
    Map<String, Integer> commits = new HashMap<>();
    Map<String, Integer> releases = new HashMap<>();
    Map<String, Integer> reserves = new HashMap<>();
    Map<String, Long> lastSeq = new HashMap<>();
    for (LedgerEntry e : ledger) {
      long[] s = running.computeIfAbsent(e.variant(), k -> new long[2]);
      s[0] += e.deltaOnHand();
      s[1] += e.deltaReserved();
      assertThat(s[0]).as("%s onHand after entry %s", ctx, e).isGreaterThanOrEqualTo(0);
      assertThat(s[1]).as("%s reserved after entry %s", ctx, e).isGreaterThanOrEqualTo(0);
      String key = e.ref() + "|" + e.variant();
      switch (e.reason()) {
        case RESERVATION:
          assertThat(s[1]).as("%s reservation oversold at %s", ctx, e).isLessThanOrEqualTo(s[0]);
          reserves.merge(key, 1, Integer::sum);
          break;
        case COMMIT:
          commits.merge(key, 1, Integer::sum);
          break;
        case RELEASE:
          releases.merge(key, 1, Integer::sum);
          break;
        default:
          break;
      }
      lastSeq.put(key, e.sequence());
    }
    assertThat(reserves.values()).as(ctx + ": each ref reserves a variant once").allMatch(c -> c == 1);
    assertThat(commits.values()).as(ctx + ": committed at most once").allMatch(c -> c == 1);
    assertThat(releases.values()).as(ctx + ": released at most once").allMatch(c -> c == 1);
    for (String key : commits.keySet()) {
      assertThat(releases).as(ctx + ": committed and released " + key).doesNotContainKey(key);
    }

    long activeReserved = 0;
    int committed = 0;
    Map<VariantId, Long> activeByVariant = new HashMap<>();
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
          activeReserved += l.quantity();
        }
      }
      if (r.status() == ReservationStatus.COMMITTED) {
        committed++;
      }
    }
    long reservedNow = 0;
    for (VariantId v : variants) {
      Variant cur = engine.productOfVariant(shop, v).variant(v).orElseThrow();
      long[] replay = LedgerEntry.replay(engine.ledger(shop, v));
      assertThat(replay).as(ctx + ": ledger replays to stock of " + v).containsExactly(cur.onHand(), cur.reserved());
      assertThat(cur.available()).as(ctx).isGreaterThanOrEqualTo(0);
      assertThat(engine.available(shop, v)).as(ctx).isEqualTo(Math.max(0, cur.onHand() - cur.reserved()));
      assertThat(cur.reserved()).as(ctx + ": reserved equals active reservations of " + v)
          .isEqualTo(activeByVariant.getOrDefault(v, 0L));
      reservedNow += cur.reserved();
    }
    assertThat(reservedNow).as(ctx).isEqualTo(activeReserved);
    assertThat(committed).as(ctx + ": the run must exercise commits").isGreaterThan(0);
  }
}

package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.LedgerEntry;
import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.SyncRunStatus;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A sync whose process dies part-way (its database "dies" at its k-th round trip, before the
 * statement or commit is applied, or after it was applied with the answer lost), then a fresh
 * engine on the same database resumes the run ({@code InventorySync.resume}, or starts one if the
 * dead process had stored none): every product ends at the supplier's stock and cost, each
 * changed variant has exactly one sync ledger entry (nothing lost, nothing written twice), the
 * ledger replays to the stock, and the run completes with every product accounted for. Tried at
 * a spread of k over the whole run, both ways.
 */
class InventorySyncRestartTest {
  private static final int PRODUCTS = 5;

  @Test
  void aSyncKilledAtAnyRoundTripResumesWithoutLossOrDuplication() throws Exception {
    int roundTrips = countRoundTripsOfOneSync();
    assertThat(roundTrips).isGreaterThan(40);
    int scenarios = 0;
    for (int k = 1; k <= roundTrips; k += Math.max(1, roundTrips / 30)) {
      for (boolean afterApplying : new boolean[] {false, true}) {
        killThenResume(k, afterApplying);
        scenarios++;
      }
    }
    assertThat(scenarios).isGreaterThanOrEqualTo(60);
  }

  /** Round trips a healthy inline sync of the fixture takes. */
  private static int countRoundTripsOfOneSync() {
    try (InventoryRig rig = new InventoryRig()) {
      TenantId shop = setUp(rig);
      FailingDataSource counting = new FailingDataSource(rig.app, 0, false);
      InventoryEngine engine = rig.engine(counting, Runnable::run, 1);
      assertThat(engine.sync().start(shop).await(Duration.ofSeconds(30)).status()).isEqualTo(SyncRunStatus.COMPLETED);
      return counting.roundTrips();
    }
  }

  private static void killThenResume(int k, boolean afterApplying) throws Exception {
    String ctx = "death at round trip " + k + (afterApplying ? " after applying it" : " before applying it");
    try (InventoryRig rig = new InventoryRig()) {
      TenantId shop = setUp(rig);
      InventoryEngine healthy = rig.engine();
      Map<String, long[]> before = stock(healthy, shop);
      long ledgerBefore = healthy.store().ledger(shop, 0, Integer.MAX_VALUE).size();

      InventoryEngine dying = rig.engine(new FailingDataSource(rig.app, k, afterApplying), Runnable::run, 1);
      try {
        dying.sync().start(shop).await(Duration.ofSeconds(30));
      } catch (RuntimeException expected) {
        // the process died (its store calls failed); a restarted process takes over below
      }

      InventoryEngine restarted = rig.engine();
      List<SyncRun> runs = restarted.sync().history(shop);
      assertThat(runs).as(ctx).hasSizeLessThanOrEqualTo(1);
      Optional<SyncRun> left = runs.stream().filter(r -> r.status() != SyncRunStatus.COMPLETED).findFirst();
      SyncRun done;
      if (left.isPresent()) {
        done = restarted.sync().resume(shop, left.get().runId(), null).await(Duration.ofSeconds(60));
      } else if (runs.isEmpty()) {
        done = restarted.sync().start(shop).await(Duration.ofSeconds(60));
      } else {
        done = runs.get(0);
      }

      assertThat(done.status()).as(ctx).isEqualTo(SyncRunStatus.COMPLETED);
      assertThat(done.total()).as(ctx).isEqualTo(PRODUCTS);
      assertThat(done.updated() + done.unchanged()).as(ctx + ": every product accounted for, " + done)
          .isEqualTo(PRODUCTS);
      assertThat(restarted.store().syncItems(shop, done.runId())).as(ctx).hasSize(PRODUCTS)
          .allSatisfy((id, item) -> assertThat(item.outcome().done()).as(ctx + " " + id).isTrue());

      List<LedgerEntry> synced = restarted.store().ledger(shop, ledgerBefore, Integer.MAX_VALUE);
      Map<String, Integer> entries = new HashMap<>();
      for (LedgerEntry e : synced) {
        assertThat(e.reason()).as(ctx).isEqualTo(LedgerReason.SUPPLIER_SYNC);
        entries.merge(e.variant().value(), 1, Integer::sum);
      }
      for (Product p : restarted.products(shop)) {
        for (Variant v : p.variants()) {
          long level = level(v.supplierVariantId());
          assertThat(v.onHand()).as(ctx + " stock of " + v.id()).isEqualTo(level);
          assertThat(v.cost()).as(ctx + " cost of " + v.id()).isEqualTo(cost(v.supplierVariantId()));
          boolean moved = java.util.Objects.requireNonNull(before.get(v.id().value()))[0] != level;
          assertThat(entries.getOrDefault(v.id().value(), 0)).as(ctx + ": sync entries of " + v.id())
              .isEqualTo(moved ? 1 : 0);
          assertThat(LedgerEntry.replay(restarted.ledger(shop, v.id()))).as(ctx)
              .containsExactly(v.onHand(), v.reserved());
        }
      }
    }
  }

  /** A PREMIUM tenant with {@value #PRODUCTS} two-variant products, and a supplier that has since moved. */
  private static TenantId setUp(InventoryRig rig) {
    InventoryEngine engine = rig.engine();
    TenantId shop = InventoryRig.tenant(engine, "shop", Plan.PREMIUM);
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < PRODUCTS; i++) {
      products.add(rig.product(engine, shop, "SP" + i, 10, 6));
    }
    for (int i = 0; i < PRODUCTS; i++) {
      rig.supplier.setStock("SP" + i + "-A", level("SP" + i + "-A"));
      rig.supplier.setStock("SP" + i + "-B", level("SP" + i + "-B"));
      rig.supplier.setCost("SP" + i + "-B", cost("SP" + i + "-B"));
    }
    return shop;
  }

  /** The supplier's new level: A variants of even products unchanged, everything else moved. */
  private static long level(String supplierVariantId) {
    int i = supplierVariantId.charAt(2) - '0';
    boolean a = supplierVariantId.endsWith("-A");
    if (a) {
      return i % 2 == 0 ? 10 : 3 + i;
    }
    return 20 + i;
  }

  private static Money cost(String supplierVariantId) {
    int i = supplierVariantId.charAt(2) - '0';
    return supplierVariantId.endsWith("-B") && i % 3 == 0 ? Money.of("2.75", "USD") : Money.of("2.00", "USD");
  }

  private static Map<String, long[]> stock(InventoryEngine engine, TenantId shop) {
    Map<String, long[]> out = new HashMap<>();
    for (Product p : engine.products(shop)) {
      for (Variant v : p.variants()) {
        out.put(v.id().value(), new long[] {v.onHand(), v.reserved()});
      }
    }
    return out;
  }
}

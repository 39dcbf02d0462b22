package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.testing.InventoryFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PlanLimitTest {
  private final InventoryFixture fx = InventoryFixture.create();
  private final InventoryEngine engine = fx.engine();
  private final TenantId shop = fx.tenant("shop", Plan.FREE);

  @Test
  void importsBeyondTheLimitBecomeDraftsReportedPerItem() {
    List<Product> ten = fx.products(shop, "P", 10, 5);
    assertThat(ten).allSatisfy(p -> assertThat(p.status()).isEqualTo(ProductStatus.ACTIVE));
    fx.supplier().put(new dev.dropsync.inventory.spi.SupplierProduct("X", "X", List.of(),
        List.of(new dev.dropsync.inventory.spi.SupplierVariant("X-V", "X", Money.of("1.00", "USD"), 4))));
    BulkImportResult r = engine.importAll(shop, List.of("X"));
    ImportResult x = r.items().get(0);
    assertThat(x.outcome()).isEqualTo(ImportOutcome.IMPORTED);
    assertThat(x.draftedByPlanLimit()).isTrue();
    assertThat(x.reason()).contains("FREE").contains("10");
    assertThat(x.requireProduct().status()).isEqualTo(ProductStatus.DRAFT);
    assertThat(fx.events().events("planLimit")).containsExactly("planLimit FREE limit=10 active=10");
  }

  @Test
  void activationBeyondTheLimitNamesPlanLimitAndCount() {
    fx.products(shop, "P", 10, 5);
    Product draft = fx.product(shop, "D", 5, "2.00");
    assertThat(draft.status()).isEqualTo(ProductStatus.DRAFT);
    assertThatThrownBy(() -> engine.activate(shop, draft.id()))
        .isInstanceOfSatisfying(PlanLimitExceededException.class, e -> {
          assertThat(e.plan()).isEqualTo(Plan.FREE);
          assertThat(e.limit()).isEqualTo(10);
          assertThat(e.currentCount()).isEqualTo(10);
        })
        .hasMessageContaining("FREE").hasMessageContaining("10");
    assertThat(engine.product(shop, draft.id()).status()).isEqualTo(ProductStatus.DRAFT);
  }

  @Test
  void upgradeAllowsActivationAndDowngradeKeepsWhatIsActive() {
    List<Product> ps = fx.products(shop, "P", 10, 5);
    Product draft = fx.product(shop, "D", 5, "2.00");
    engine.changePlan(shop, Plan.PRO);
    assertThat(engine.activate(shop, draft.id()).status()).isEqualTo(ProductStatus.ACTIVE);
    engine.changePlan(shop, Plan.FREE);
    assertThat(fx.store().countActive(shop)).isEqualTo(11);
    engine.deactivate(shop, ps.get(0).id());
    assertThatThrownBy(() -> engine.activate(shop, ps.get(0).id())).isInstanceOf(PlanLimitExceededException.class);
  }

  @Test
  void restockedProductIsNotReactivatedWhenThePlanIsFull() {
    List<Product> ps = fx.products(shop, "P", 10, 5);
    Product first = ps.get(0);
    engine.applySupplierStock(shop, fx.variant(first), 0, "sync-1");
    assertThat(engine.product(shop, first.id()).status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
    Product draft = fx.product(shop, "D", 5, "2.00");
    assertThat(engine.activate(shop, draft.id()).status()).isEqualTo(ProductStatus.ACTIVE);
    fx.events().clear();
    engine.applySupplierStock(shop, fx.variant(first), 8, "sync-2");
    assertThat(engine.product(shop, first.id()).status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
    assertThat(fx.events().events()).contains("reactivationRefused " + first.id() + " PLAN_LIMIT",
        "planLimit FREE limit=10 active=10");
    engine.deactivate(shop, draft.id());
    engine.applySupplierStock(shop, fx.variant(first), 9, "sync-3");
    assertThat(engine.product(shop, first.id()).status()).isEqualTo(ProductStatus.ACTIVE);
  }

  @Test
  void customPlanPolicyIsUsed() {
    InventoryFixture custom = InventoryFixture.create(b -> b.planPolicy(p -> p.name().equals("TINY") ? OptionalInt.of(1) : OptionalInt.empty()));
    TenantId t = custom.tenant("t", Plan.of("TINY"));
    assertThat(custom.product(t, "A", 1, "1.00").status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(custom.product(t, "B", 1, "1.00").status()).isEqualTo(ProductStatus.DRAFT);
  }

  @Test
  void manyThreadsActivatingAtNineOfTenExactlyOneWins() throws Exception {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 20; round++) {
      InventoryFixture f = InventoryFixture.create();
      TenantId t = f.tenant("t", Plan.FREE);
      List<Product> ps = f.products(t, "P", 10, 5);
      List<Product> drafts = new ArrayList<>();
      int threads = 4 + rnd.nextInt(12);
      for (int i = 0; i < threads; i++) {
        Product d = f.product(t, "D" + i, 5, "1.00");
        assertThat(d.status()).isEqualTo(ProductStatus.DRAFT);
        drafts.add(d);
      }
      f.engine().deactivate(t, ps.get(rnd.nextInt(10)).id());
      assertThat(f.store().countActive(t)).isEqualTo(9);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Future<Boolean>> fs = new ArrayList<>();
        for (Product d : drafts) {
          fs.add(pool.submit(() -> {
            barrier.await(30, TimeUnit.SECONDS);
            try {
              f.engine().activate(t, d.id());
              return true;
            } catch (PlanLimitExceededException e) {
              return false;
            }
          }));
        }
        int won = 0;
        for (Future<Boolean> fut : fs) {
          if (fut.get(30, TimeUnit.SECONDS)) {
            won++;
          }
        }
        assertThat(won).as("seed %d round %d", seed, round).isEqualTo(1);
        assertThat(f.store().countActive(t)).as("seed %d round %d", seed, round).isEqualTo(10);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}

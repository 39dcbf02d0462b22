package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.inventory.LedgerEntry;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.TaskRequest;
import dev.dropsync.scheduler.TaskStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code inventory_sync}: a tenant's catalog follows the supplier, idempotently, and only that tenant's. */
class InventorySyncTaskTest {
  private final AutomationFixture fx = new AutomationFixture();
  private final TenantId a = TenantId.of("shop-a");
  private final TenantId b = TenantId.of("shop-b");
  private final TenantAutomation ta = fx.onboard("shop-a", Plan.PRO);
  private final TenantAutomation tb = fx.onboard("shop-b", Plan.PRO);
  private final Product mugA = fx.product(a, "CJ-MUG-A", 10, "4.20");
  private final Product mugB = fx.product(b, "CJ-MUG-B", 10, "4.20");

  private long onHand(TenantAutomation t, Product p) {
    return t.product(p.id()).variants().get(0).onHand();
  }

  @Test
  void aSyncTaskBringsOnlyItsTenantInLineWithTheSupplier() {
    fx.inventory.supplier().setStock("CJ-MUG-A-V1", 3);
    fx.inventory.supplier().setStock("CJ-MUG-B-V1", 7);

    AutomationTask task = ta.syncNow();
    assertThat(task.owner()).isEqualTo("shop-a");
    fx.runDue();

    assertThat(ta.task(task.id()).status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(onHand(ta, mugA)).isEqualTo(3);
    assertThat(onHand(tb, mugB)).isEqualTo(10);
    assertThat(fx.inventory.engine().sync().history(a)).singleElement().satisfies(r -> assertThat(r.updated()).isEqualTo(1));
    assertThat(fx.inventory.engine().sync().history(b)).isEmpty();
  }

  @Test
  void runningTheSyncAgainChangesNothing() {
    fx.inventory.supplier().setStock("CJ-MUG-A-V1", 3);
    ta.syncNow();
    fx.runDue();
    List<LedgerEntry> ledger = fx.inventory.engine().ledger(a, mugA.variants().get(0).id());
    long version = ta.product(mugA.id()).version();

    ta.syncNow();
    ta.syncNow();
    fx.runDue();

    assertThat(fx.inventory.engine().ledger(a, mugA.variants().get(0).id())).isEqualTo(ledger);
    assertThat(ta.product(mugA.id()).version()).isEqualTo(version);
    List<SyncRun> runs = fx.inventory.engine().sync().history(a);
    assertThat(runs).hasSize(3);
    assertThat(runs.subList(1, 3)).allSatisfy(r -> {
      assertThat(r.updated()).isZero();
      assertThat(r.unchanged()).isEqualTo(1);
    });
  }

  @Test
  void oneProductCanBeSyncedOnItsOwn() {
    Product lamp = fx.product(a, "CJ-LAMP-A", 5, "9.00");
    fx.inventory.supplier().setStock("CJ-MUG-A-V1", 1);
    fx.inventory.supplier().setStock("CJ-LAMP-A-V1", 2);

    AutomationTask task = ta.syncProduct(lamp.id());
    assertThat(task.payload()).containsEntry(TaskTypes.PRODUCT_ID, lamp.id().value());
    fx.runDue();

    assertThat(onHand(ta, lamp)).isEqualTo(2);
    assertThat(onHand(ta, mugA)).isEqualTo(10);
  }

  @Test
  void aSyncWhereEveryProductFailsIsRetriedThenFailsWithTheReason() {
    fx.inventory.supplier().failReadsOf("CJ-MUG-A", "supplier is down");
    AutomationTask task = ta.syncNow();
    fx.runDue();
    assertThat(ta.task(task.id()).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(ta.task(task.id()).retryCount()).isEqualTo(1);

    for (int i = 0; i < 5; i++) {
      fx.advanceAndRun(Duration.ofMinutes(1));
    }
    AutomationTask failed = ta.task(task.id());
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.lastError()).contains("all 1 products failed").contains("supplier is down");

    fx.inventory.supplier().healReadsOf("CJ-MUG-A");
    fx.inventory.supplier().setStock("CJ-MUG-A-V1", 6);
    ta.syncNow();
    fx.runDue();
    assertThat(onHand(ta, mugA)).isEqualTo(6);
  }

  @Test
  void aTaskForAnUnknownTenantFailsAtOnce() {
    AutomationTask ghost = fx.automation.scheduler().submit(
        TaskRequest.builder().type(TaskTypes.INVENTORY_SYNC).owner("ghost").build());
    fx.runDue();
    AutomationTask t = fx.tasks.findTask(ghost.id()).orElseThrow();
    assertThat(t.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(t.retryCount()).isZero();
    assertThat(t.lastError()).contains("ghost");
  }
}

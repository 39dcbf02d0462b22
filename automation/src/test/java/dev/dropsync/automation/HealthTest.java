package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.internal.Keys;
import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.automation.testing.CjPayloads;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.TenantId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Automation health: schedule uptime, task success rate per type, webhook outcomes. */
class HealthTest {
  private static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");
  private final AutomationFixture fx = new AutomationFixture();
  private final TenantId shop = TenantId.of("shop-1");
  private final TenantAutomation t = fx.onboard("shop-1", Plan.PREMIUM);

  private static TaskTypeHealth type(AutomationHealth h, String type) {
    TaskTypeHealth found = h.tasks().get(type);
    assertThat(found).as(type).isNotNull();
    return java.util.Objects.requireNonNull(found);
  }

  @Test
  void uptimeAndSuccessRatesComeFromFinishedRuns() {
    AutomationHealth fresh = t.health(Instant.EPOCH, FAR);
    assertThat(fresh.schedules()).hasSize(4).allSatisfy(s -> {
      assertThat(s.uptime()).isEmpty();
      assertThat(s.succeeded()).isZero();
    });
    assertThat(fresh.tasks()).isEmpty();

    fx.product(shop, "CJ-MUG", 10, "4.20");
    for (int h = 0; h < 3; h++) {
      fx.advanceAndRun(Duration.ofHours(1)); // syncs at 01:00, 02:00, 03:00 succeed
    }
    fx.inventory.supplier().failReadsOf("CJ-MUG", "supplier is down");
    fx.advanceAndRun(Duration.ofHours(1)); // 04:00 fails and is retried...
    for (int i = 0; i < 5; i++) {
      fx.advanceAndRun(Duration.ofMinutes(1)); // ...until it fails for good
    }

    AutomationHealth h = t.health(Instant.EPOCH, FAR);
    ScheduleHealth sync = h.schedules().stream()
        .filter(s -> s.scheduleId().equals(Keys.managedSchedule(shop, TaskTypes.INVENTORY_SYNC))).findFirst().orElseThrow();
    assertThat(sync.succeeded()).isEqualTo(3);
    assertThat(sync.failed()).isEqualTo(1);
    assertThat(sync.uptime()).hasValue(0.75);
    assertThat(sync.active()).isTrue();
    assertThat(sync.nextRunAt()).isEqualTo(Instant.parse("2026-01-01T05:00:00Z"));
    TaskTypeHealth syncs = type(h, TaskTypes.INVENTORY_SYNC);
    assertThat(syncs.completed()).isEqualTo(3);
    assertThat(syncs.failed()).isEqualTo(1);
    assertThat(syncs.retries()).isEqualTo(3);
    assertThat(syncs.successRate()).hasValue(0.75);
    assertThat(syncs.pending()).isZero();
    assertThat(type(h, TaskTypes.STOCK_ALERT).successRate()).hasValue(1.0);

    AutomationHealth late = t.health(Instant.parse("2026-01-01T02:30:00Z"), FAR);
    assertThat(type(late, TaskTypes.INVENTORY_SYNC).completed()).isEqualTo(1);
    assertThat(type(late, TaskTypes.INVENTORY_SYNC).successRate()).hasValue(0.5);
    assertThat(late.schedules()).isEqualTo(h.schedules()); // uptime is over the schedule's life
  }

  @Test
  void pendingTasksAreCountedWithoutASuccessRate() {
    t.syncNow();
    TaskTypeHealth syncs = type(t.health(Instant.EPOCH, FAR), TaskTypes.INVENTORY_SYNC);
    assertThat(syncs.pending()).isEqualTo(1);
    assertThat(syncs.successRate()).isEmpty();
  }

  @Test
  void webhookDeliveriesAreCountedByOutcome() {
    fx.product(shop, "CJ-MUG", 10, "4.20");
    byte[] stock = CjPayloads.stock("m-1", "CJ-MUG-V1", 3);
    fx.deliver(shop, stock);
    fx.deliver(shop, stock);
    fx.deliver(shop, CjPayloads.stock("m-2", "NOT-OURS", 3));
    fx.deliver(shop, CjPayloads.probe());
    fx.automation.webhooks().receive(shop, stock, CjPayloads.headers(stock, "1"));
    WebhookHealth before = t.health(Instant.EPOCH, FAR).webhooks();
    assertThat(before).isEqualTo(new WebhookHealth(4, 1, 1, 2, 0, 1, 0));

    fx.runDue();
    assertThat(t.health(Instant.EPOCH, FAR).webhooks()).isEqualTo(new WebhookHealth(4, 1, 1, 0, 1, 2, 0));
    assertThat(t.health(fx.clock.instant().plusSeconds(1), FAR).webhooks()).isEqualTo(new WebhookHealth(0, 0, 0, 0, 0, 0, 0));
  }
}

package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.internal.Keys;
import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.automation.testing.CjPayloads;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.OverlapPolicy;
import dev.dropsync.scheduler.Recurrence;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.ScheduleRequest;
import dev.dropsync.scheduler.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Default schedules per plan: applied at onboarding, re-applied on plan change, never duplicated. */
class PlanSchedulesTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final AutomationFixture fx = new AutomationFixture();
  private final TenantId shop = TenantId.of("shop-1");

  private Schedule managed(String key) {
    return fx.automation.tenant(shop).schedule(Keys.managedSchedule(shop, key));
  }

  private List<Schedule> ofType(String type) {
    return fx.automation.tenant(shop).schedules().stream().filter(s -> s.taskType().equals(type)).collect(Collectors.toList());
  }

  @Test
  void freeTenantsSyncDailyInTheirOwnZone() {
    fx.zones.put(shop, NEW_YORK);
    TenantAutomation t = fx.onboard("shop-1", Plan.FREE);

    assertThat(t.schedules()).extracting(Schedule::id).containsExactlyInAnyOrder(
        "auto:shop-1:inventory_sync", "auto:shop-1:stock_alert", "auto:shop-1:order_fulfillment",
        "auto:shop-1:analytics_snapshot");
    Schedule sync = managed(TaskTypes.INVENTORY_SYNC);
    assertThat(sync.recurrence().spec()).isEqualTo("daily 02:00 America/New_York");
    assertThat(sync.nextRunAt()).isEqualTo(Instant.parse("2026-01-01T07:00:00Z"));
    assertThat(sync.overlapPolicy()).isEqualTo(OverlapPolicy.SKIP);
    assertThat(sync.owner()).isEqualTo("shop-1");
    assertThat(managed(TaskTypes.ANALYTICS_SNAPSHOT).recurrence().spec()).isEqualTo("daily 00:30 America/New_York");
    assertThat(managed(TaskTypes.ORDER_FULFILLMENT).recurrence().spec()).isEqualTo("hourly 10 America/New_York");
    assertThat(fx.automation.policy().forPlan(Plan.FREE).webhooks()).isFalse();
  }

  @Test
  void proAndPremiumSyncHourlyAndOnlyPremiumTakesWebhooks() {
    AutomationPolicy p = AutomationPolicy.standard();
    assertThat(p.forPlan(Plan.PRO).schedules()).extracting(s -> s.recurrenceIn(NEW_YORK).spec())
        .contains("hourly 0 America/New_York", "hourly 30 America/New_York");
    assertThat(p.forPlan(Plan.PRO).webhooks()).isFalse();
    assertThat(p.forPlan(Plan.PREMIUM).webhooks()).isTrue();
    assertThat(p.forPlan(Plan.PREMIUM).schedules()).extracting(s -> s.recurrenceIn(NEW_YORK).spec())
        .isEqualTo(p.forPlan(Plan.PRO).schedules().stream().map(s -> s.recurrenceIn(NEW_YORK).spec()).collect(Collectors.toList()));
    assertThat(p.forPlan(Plan.of("ENTERPRISE")).schedules()).extracting(s -> s.recurrenceIn(NEW_YORK).spec())
        .contains("daily 02:00 America/New_York");
  }

  @Test
  void onboardingAgainChangesNothing() {
    List<Schedule> first = fx.onboard("shop-1", Plan.FREE).schedules();
    fx.clock.advance(Duration.ofMinutes(5));
    List<Schedule> second = fx.onboard("shop-1", Plan.FREE).schedules();
    assertThat(second).isEqualTo(first);
    assertThat(fx.tasks.schedulesByOwner("shop-1")).hasSize(4);
  }

  @Test
  void aPlanChangeReplacesTheScheduleInPlaceAndNeverDuplicatesIt() {
    TenantAutomation t = fx.onboard("shop-1", Plan.FREE);
    Schedule daily = managed(TaskTypes.INVENTORY_SYNC);

    t.changePlan(Plan.PRO);
    assertThat(ofType(TaskTypes.INVENTORY_SYNC)).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo(daily.id());
      assertThat(s.recurrence()).isEqualTo(Recurrence.hourly(0, java.time.ZoneOffset.UTC));
      assertThat(s.nextRunAt()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
    });
    Schedule hourly = managed(TaskTypes.INVENTORY_SYNC);
    Schedule fulfilment = managed(TaskTypes.ORDER_FULFILLMENT);

    t.changePlan(Plan.PRO);
    t.applyDefaultSchedules();
    assertThat(managed(TaskTypes.INVENTORY_SYNC)).isEqualTo(hourly);
    t.changePlan(Plan.PREMIUM);
    assertThat(managed(TaskTypes.INVENTORY_SYNC)).isEqualTo(hourly);
    assertThat(managed(TaskTypes.ORDER_FULFILLMENT)).isEqualTo(fulfilment);
    assertThat(t.schedules()).hasSize(4);

    t.changePlan(Plan.FREE);
    assertThat(ofType(TaskTypes.INVENTORY_SYNC)).singleElement()
        .satisfies(s -> assertThat(s.recurrence().spec()).startsWith("daily 02:00"));
    assertThat(t.schedules()).hasSize(4);
    assertThat(fx.inventory.engine().tenant(shop).plan()).isEqualTo(Plan.FREE);
  }

  @Test
  void webhooksAreProcessedOnlyWhileThePlanHasThem() {
    TenantAutomation t = fx.onboard("shop-1", Plan.PRO);
    WebhookAck pro = fx.deliver(shop, CjPayloads.stock("m-pro", "CJ-MUG-V1", 3));
    assertThat(pro.status()).isEqualTo(200);
    assertThat(pro.disposition()).isEqualTo(WebhookDisposition.IGNORED);
    assertThat(t.webhookLog("m-pro").detail()).contains("not enabled on plan PRO");

    t.changePlan(Plan.PREMIUM);
    WebhookAck premium = fx.deliver(shop, CjPayloads.stock("m-premium", "CJ-MUG-V1", 3));
    assertThat(premium.disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    assertThat(premium.taskId()).isNotNull();

    t.changePlan(Plan.FREE);
    assertThat(fx.deliver(shop, CjPayloads.stock("m-free", "CJ-MUG-V1", 3)).disposition())
        .isEqualTo(WebhookDisposition.IGNORED);
  }

  @Test
  void aPausedDefaultScheduleStaysPausedWhenThePlanChanges() {
    TenantAutomation t = fx.onboard("shop-1", Plan.FREE);
    t.pauseSchedule(Keys.managedSchedule(shop, TaskTypes.INVENTORY_SYNC));
    t.changePlan(Plan.PRO);
    Schedule s = managed(TaskTypes.INVENTORY_SYNC);
    assertThat(s.active()).isFalse();
    assertThat(s.recurrence().spec()).startsWith("hourly 0");
    assertThat(managed(TaskTypes.STOCK_ALERT).active()).isTrue();
  }

  @Test
  void schedulesTheHostAddedAreLeftAlone() {
    TenantAutomation t = fx.onboard("shop-1", Plan.FREE);
    Schedule mine = t.addSchedule(ScheduleRequest.builder().id("weekly-report").owner("shop-1")
        .taskType(TaskTypes.ANALYTICS_SNAPSHOT).recurrence(Recurrence.daily(LocalTime.NOON, NEW_YORK)).build());
    assertThat(mine.id()).isEqualTo("custom:shop-1:weekly-report");
    t.changePlan(Plan.PREMIUM);
    t.changePlan(Plan.FREE);
    assertThat(t.schedule(mine.id())).isEqualTo(mine);
    assertThat(t.schedules()).hasSize(5);
  }

  @Test
  void aReplacedPolicyAddsChangesAndRemovesManagedSchedules() {
    AutomationPolicy lean = AutomationPolicy.builder()
        .plan(Plan.FREE, PlanAutomation.builder()
            .schedule(ScheduleTemplate.builder("inventory_sync").taskType(TaskTypes.INVENTORY_SYNC)
                .recurrence(ZonedRecurrence.every(Duration.ofHours(6))).build())
            .schedule(ScheduleTemplate.builder("stock-check-weekdays").taskType(TaskTypes.STOCK_ALERT)
                .recurrence(ZonedRecurrence.cron("0 9 * * MON-FRI")).build())
            .build())
        .build();
    AutomationFixture custom = new AutomationFixture(b -> b.policy(lean));
    TenantAutomation t = custom.onboard("shop-1", Plan.FREE);
    assertThat(t.schedules()).extracting(Schedule::id)
        .containsExactlyInAnyOrder("auto:shop-1:inventory_sync", "auto:shop-1:stock-check-weekdays");
    assertThat(t.changePlan(Plan.PRO)).isEmpty();
    assertThat(t.schedules()).isEmpty();
  }

  @Test
  void concurrentAppliesLeaveExactlyOneSchedulePerTemplate() throws Exception {
    TenantAutomation t = fx.onboard("shop-1", Plan.FREE);
    fx.inventory.engine().changePlan(shop, Plan.PRO); // plan changed behind the automation's back
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<List<Schedule>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return t.applyDefaultSchedules();
        }));
      }
      for (Future<List<Schedule>> f : results) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(t.schedules()).hasSize(4);
    assertThat(ofType(TaskTypes.INVENTORY_SYNC)).singleElement()
        .satisfies(s -> assertThat(s.recurrence().spec()).startsWith("hourly 0"));
  }

  @Test
  void theDefaultSchedulesActuallyFireTheirTasks() {
    TenantAutomation t = fx.onboard("shop-1", Plan.FREE);
    fx.product(shop, "CJ-MUG", 10, "4.20");
    fx.inventory.supplier().setStock("CJ-MUG-V1", 4);

    fx.clock.set(Instant.parse("2026-01-01T02:00:00Z"));
    fx.runDue();
    List<SyncRun> runs = fx.inventory.engine().sync().history(shop);
    assertThat(runs).singleElement().satisfies(r -> assertThat(r.updated()).isEqualTo(1));
    assertThat(t.products().get(0).variants().get(0).onHand()).isEqualTo(4);

    fx.clock.set(Instant.parse("2026-01-01T02:30:00Z"));
    fx.runDue();
    assertThat(fx.alerts.delivered()).extracting(StockAlert::kind).containsExactly(StockAlertKind.LOW_STOCK);

    fx.clock.set(Instant.parse("2026-01-02T00:30:00Z"));
    fx.runDue();
    assertThat(fx.metrics.find(shop, java.time.LocalDate.parse("2026-01-01"))).isPresent();
    assertThat(t.tasks()).extracting(AutomationTask::type).contains(TaskTypes.INVENTORY_SYNC, TaskTypes.STOCK_ALERT,
        TaskTypes.ORDER_FULFILLMENT, TaskTypes.ANALYTICS_SNAPSHOT);
    assertThat(t.tasks()).allSatisfy(task -> assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED));
  }

  @Test
  void aPolicyNamingATaskTypeWithoutHandlerChangesNothing() {
    AutomationPolicy broken = AutomationPolicy.standard().toBuilder()
        .plan(Plan.PRO, AutomationPolicy.standard().forPlan(Plan.PRO).toBuilder()
            .withoutSchedule(TaskTypes.STOCK_ALERT)
            .schedule(ScheduleTemplate.builder("report").taskType("no_such_type")
                .recurrence(ZonedRecurrence.daily(LocalTime.NOON)).build())
            .build())
        .build();
    AutomationFixture custom = new AutomationFixture(b -> b.policy(broken));
    TenantAutomation t = custom.onboard("shop-1", Plan.FREE);
    List<Schedule> before = t.schedules();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.changePlan(Plan.PRO))
        .isInstanceOf(dev.dropsync.scheduler.UnknownTaskTypeException.class).hasMessageContaining("no_such_type");
    assertThat(t.schedules()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(t.tenant().plan()).isEqualTo(Plan.FREE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.changePlan(Plan.of("GOLD")))
        .isInstanceOf(dev.dropsync.inventory.InvalidInputException.class);
    assertThat(t.schedules()).containsExactlyInAnyOrderElementsOf(before);
  }
}

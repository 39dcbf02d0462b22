package dev.dropsync.examples;

import dev.dropsync.automation.Automation;
import dev.dropsync.automation.EncryptedSecretStore;
import dev.dropsync.automation.SecretKeyRing;
import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.TenantAutomation;
import dev.dropsync.automation.TenantOnboarding;
import dev.dropsync.automation.spi.InMemoryCiphertextStore;
import dev.dropsync.automation.spi.InMemoryStockAlertStore;
import dev.dropsync.automation.spi.InMemoryWebhookLogStore;
import dev.dropsync.cj.supplier.CjSupplier;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.RecordingNotifier;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.TenantSettings;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.InMemoryTaskStore;
import dev.dropsync.scheduler.Recurrence;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.ScheduleRequest;
import dev.dropsync.scheduler.Scheduler;
import dev.dropsync.scheduler.TaskStatus;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Example 3, schedules: the {@link Automation} registers each plan's default schedules
 * (inventory sync, stock alerts, the fulfilment sweep, analytics) when a tenant is onboarded, swaps
 * them when the plan changes, runs your own task types next to them, and its scheduler runs
 * whatever is due. Runs against the embedded CJ simulator ({@code java -jar dropsync-examples.jar
 * schedules}); the clock is moved an hour forward so the hourly schedules fire at once.
 *
 * @since 0.1.0
 */
public final class SchedulesExample {
  /** The example's own task type, registered on the scheduler next to the standard five. */
  public static final String WEEKLY_REPORT = "weekly_report";

  private SchedulesExample() {}

  /**
   * What the run did, for checking.
   *
   * @param automation the automation (closed)
   * @param shop the tenant's view
   * @param freeSchedules the schedules on the FREE plan
   * @param premiumSchedules the schedules after the upgrade to PREMIUM
   * @param tasksRun the tasks that ran after the clock moved on
   * @param alerts the stock alerts delivered
   * @param soldOut the product that sold out at CJ before the hourly sync
   * @since 0.1.0
   */
  public record Result(Automation automation, TenantAutomation shop, List<Schedule> freeSchedules,
      List<Schedule> premiumSchedules, List<AutomationTask> tasksRun, List<StockAlert> alerts,
      dev.dropsync.inventory.ProductId soldOut) {}

  /**
   * Runs the example against a fresh embedded simulator and prints what happens.
   *
   * @param args ignored
   * @since 0.1.0
   */
  public static void main(String[] args) {
    try (EmbeddedCj cj = EmbeddedCj.start(10, 6)) {
      run(cj, System.out);
    }
  }

  /**
   * Onboards a FREE tenant, upgrades it, adds a weekly report and lets an hour of schedules run.
   *
   * @param cj the CJ side
   * @param out where to print
   * @return what happened
   * @since 0.1.0
   */
  public static Result run(EmbeddedCj cj, PrintStream out) {
    CjSupplier supplier = CjSupplier.builder().client(cj.client()).clock(cj.clock()).build();
    InventoryEngine inventory = InventoryEngine.builder().store(new InMemoryInventoryStore())
        .supplier(supplier.catalog()).clock(cj.clock()).build();
    FulfillmentEngine fulfillment = FulfillmentEngine.builder().orderStore(new InMemoryOrderStore())
        .stock(inventory).variants(inventory).freightQuotes(supplier.freightQuotes())
        .supplierOrders(supplier.orders()).notifier(new RecordingNotifier()).clock(cj.clock()).build();
    List<StockAlert> alerts = new CopyOnWriteArrayList<>();
    AtomicInteger reports = new AtomicInteger();
    ZoneId newYork = ZoneId.of("America/New_York");

    Automation automation = Automation.builder()
        .inventory(inventory)
        .fulfillment(fulfillment)
        .scheduler(Scheduler.builder()
            .store(new InMemoryTaskStore())                  // or your database's TaskStore
            .clock(cj.clock())
            .workerCount(1)
            .pollInterval(Duration.ofMillis(200))
            .handler(WEEKLY_REPORT, ctx -> reports.incrementAndGet()))   // your own task types
        .secrets(EncryptedSecretStore.builder()
            .keyRing(SecretKeyRing.of("example", SecretKeyRing.generateKey()))   // from your KMS
            .storage(new InMemoryCiphertextStore()).build())
        .webhookLogs(new InMemoryWebhookLogStore())
        .stockAlerts(new InMemoryStockAlertStore())
        .alertSink(alerts::add)                                               // e-mail the owner
        .tenantSettings(tenant -> new TenantSettings(newYork, CjSupplier.USD)) // the tenant's zone
        .clock(cj.clock())
        .build();
    try {
      TenantId id = TenantId.of("shop-1");
      TenantAutomation shop = automation.onboard(TenantOnboarding.builder()
          .tenant(Tenant.of(id, Plan.FREE, CjSupplier.USD)).build());
      List<Schedule> free = shop.schedules();
      print(out, "FREE", free);

      List<Schedule> premium = shop.changePlan(Plan.PREMIUM);
      print(out, "PREMIUM", premium);

      Schedule report = shop.addSchedule(ScheduleRequest.builder().id("weekly-report").owner(id.value())
          .taskType(WEEKLY_REPORT)
          .recurrence(Recurrence.weekly(Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), newYork))
          .build());
      out.printf("Added %s: %s, next %s%n", report.id(), describe(report.recurrence()), report.nextRunAt());

      // Products to keep in sync; one of them sells out at CJ before the next hourly sync.
      List<String> pids = cj.sim().catalog().productIds().subList(0, 4);
      List<dev.dropsync.inventory.Product> imported = new ArrayList<>();
      for (String pid : pids) {
        imported.add(inventory.importProduct(id, pid).requireProduct());
      }
      dev.dropsync.inventory.Product soldOut = imported.stream().filter(p -> p.available() > 0).findFirst().orElseThrow();
      cj.sim().catalog().variantIds(soldOut.supplierProductId()).forEach(vid -> cj.sim().catalog().setStock(vid, 0));
      out.printf("Product %s sells out at CJ%n", soldOut.supplierProductId());

      // The scheduler's loop; in an application it runs for the life of the process.
      automation.start();
      Instant before = cj.clock().instant();
      Instant jumpedAt = cj.advance(Duration.ofMinutes(61));
      out.printf("Moved the clock an hour forward to %s; the hourly schedules are due%n",
          jumpedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      List<AutomationTask> ran = awaitTasks(shop, before, 3, Duration.ofSeconds(60));
      for (AutomationTask t : ran) {
        out.printf("  ran %-18s %s%s%n", t.type(), t.status(), t.lastError() == null ? "" : " (" + t.lastError() + ")");
      }
      // The hourly stock check ran before the hourly sync (it was due first); check again now, as
      // an owner's "check stock" button would.
      Instant beforeCheck = cj.clock().instant();
      shop.checkStockNow();
      for (AutomationTask t : awaitTasks(shop, beforeCheck, 1, Duration.ofSeconds(60))) {
        out.printf("  ran %-18s %s (on request)%n", t.type(), t.status());
      }
      for (StockAlert a : alerts) {
        out.printf("Alert delivered: %s %s (%d available)%n", a.kind(), a.sku(), a.available());
      }
      return new Result(automation, shop, free, premium, ran, List.copyOf(alerts), soldOut.id());
    } finally {
      automation.close();
    }
  }

  private static void print(PrintStream out, String plan, List<Schedule> schedules) {
    out.printf("%s plan: %d schedules%n", plan, schedules.size());
    for (Schedule s : schedules) {
      out.printf("  %-36s %-36s next %s%n", s.id(), describe(s.recurrence()), s.nextRunAt());
    }
  }

  /**
   * A recurrence in words, e.g. {@code hourly at :30 (America/New_York)} or {@code daily at 02:00
   * (UTC)}.
   *
   * @param r the recurrence
   * @return the description
   * @since 0.1.0
   */
  public static String describe(Recurrence r) {
    if (r instanceof Recurrence.Hourly h) {
      return String.format(java.util.Locale.ROOT, "hourly at :%02d (%s)", h.minute(), zone(h.zone()));
    }
    if (r instanceof Recurrence.Daily d) {
      return "daily at " + d.time() + " (" + zone(d.zone()) + ")";
    }
    if (r instanceof Recurrence.Weekly w) {
      return "weekly on " + w.days().stream().sorted().map(Object::toString).collect(java.util.stream.Collectors.joining(", "))
          + " at " + w.time() + " (" + zone(w.zone()) + ")";
    }
    return r.spec();
  }

  private static String zone(ZoneId zone) {
    return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  /** Waits until at least {@code min} tasks created since {@code since} have finished and none is pending. */
  private static List<AutomationTask> awaitTasks(TenantAutomation shop, Instant since, int min, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<AutomationTask> recent = new ArrayList<>();
      boolean busy = false;
      for (AutomationTask t : shop.tasks()) {
        if (!t.createdAt().isBefore(since)) {
          recent.add(t);
          busy |= t.status() == TaskStatus.PENDING || t.status() == TaskStatus.RUNNING;
        }
      }
      if (recent.size() >= min && !busy) {
        return recent;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the due tasks did not finish within " + timeout + ": " + recent);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the scheduler", e);
      }
    }
  }
}

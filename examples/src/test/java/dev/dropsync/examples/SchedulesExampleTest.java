package dev.dropsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.automation.TaskTypes;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.Recurrence;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.TaskStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchedulesExampleTest {
  @Test
  void plansGetTheirDefaultSchedulesAndTheSchedulerRunsWhatIsDue() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (EmbeddedCj cj = EmbeddedCj.start(10, 6)) {
      SchedulesExample.Result r = SchedulesExample.run(cj, new PrintStream(printed, true, StandardCharsets.UTF_8));

      Map<String, Schedule> free = r.freeSchedules().stream().collect(Collectors.toMap(Schedule::taskType, s -> s));
      assertThat(free).containsOnlyKeys(TaskTypes.INVENTORY_SYNC, TaskTypes.STOCK_ALERT, TaskTypes.ORDER_FULFILLMENT,
          TaskTypes.ANALYTICS_SNAPSHOT);
      assertThat(Objects.requireNonNull(free.get(TaskTypes.INVENTORY_SYNC)).recurrence()).isInstanceOfSatisfying(Recurrence.Daily.class,
          d -> assertThat(d.time()).isEqualTo(LocalTime.of(2, 0)));
      Map<String, Schedule> premium = r.premiumSchedules().stream().collect(Collectors.toMap(Schedule::taskType, s -> s));
      assertThat(Objects.requireNonNull(premium.get(TaskTypes.INVENTORY_SYNC)).recurrence()).isInstanceOf(Recurrence.Hourly.class);
      assertThat(Objects.requireNonNull(premium.get(TaskTypes.INVENTORY_SYNC)).id()).isEqualTo(Objects.requireNonNull(free.get(TaskTypes.INVENTORY_SYNC)).id());
      assertThat(r.shop().schedules()).hasSize(5).anySatisfy(s -> assertThat(s.taskType()).isEqualTo(SchedulesExample.WEEKLY_REPORT));

      Map<String, TaskStatus> ran = r.tasksRun().stream()
          .collect(Collectors.toMap(AutomationTask::type, AutomationTask::status, (a, b) -> a));
      assertThat(ran).containsEntry(TaskTypes.INVENTORY_SYNC, TaskStatus.COMPLETED)
          .containsEntry(TaskTypes.STOCK_ALERT, TaskStatus.COMPLETED)
          .containsEntry(TaskTypes.ORDER_FULFILLMENT, TaskStatus.COMPLETED);
      assertThat(cj.sim().recorder().count(Endpoint.PRODUCT_QUERY)).as("4 imports, then the hourly sync of 4").isEqualTo(8);
      dev.dropsync.inventory.Product soldOut = r.shop().product(r.soldOut());
      assertThat(soldOut.status()).as("the hourly sync saw it sell out").isEqualTo(dev.dropsync.inventory.ProductStatus.INACTIVE_OUT_OF_STOCK);
      for (dev.dropsync.inventory.Variant v : soldOut.variants()) {
        assertThat(r.alerts()).as("alerts of %s", v.sku())
            .anySatisfy(a -> {
              assertThat(a.variant()).isEqualTo(v.id());
              assertThat(a.kind()).isEqualTo(StockAlertKind.OUT_OF_STOCK);
            });
      }
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FREE plan: 4 schedules").contains("PREMIUM plan: 4 schedules");
  }
}

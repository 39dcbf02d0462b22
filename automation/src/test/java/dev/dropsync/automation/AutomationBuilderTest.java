package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.automation.spi.InMemoryCiphertextStore;
import dev.dropsync.automation.spi.InMemoryStockAlertStore;
import dev.dropsync.automation.spi.InMemoryWebhookLogStore;
import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.testing.InventoryFixture;
import dev.dropsync.scheduler.InMemoryTaskStore;
import dev.dropsync.scheduler.InvalidSchedulerArgumentException;
import dev.dropsync.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Builders refuse bad configuration with a typed error naming the field, and nothing is half-applied. */
class AutomationBuilderTest {
  private final AutomationFixture fx = new AutomationFixture();

  private Automation.Builder complete() {
    return Automation.builder()
        .inventory(fx.inventory.engine()).fulfillment(fx.fulfillment)
        .scheduler(Scheduler.builder().store(new InMemoryTaskStore()).clock(fx.clock))
        .secrets(EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("k", new byte[32]))
            .storage(new InMemoryCiphertextStore()).build())
        .webhookLogs(new InMemoryWebhookLogStore()).stockAlerts(new InMemoryStockAlertStore())
        .alertSink(a -> {});
  }

  @Test
  void everyRequiredComponentIsNamedWhenMissing() {
    assertThat(complete().build().scheduler()).isNotNull();
    String[] fields = {"inventory", "fulfillment", "scheduler", "secrets", "webhookLogs", "stockAlerts", "alertSink"};
    for (String field : fields) {
      Automation.Builder b = Automation.builder();
      for (String other : fields) {
        if (!other.equals(field)) {
          set(b, other);
        }
      }
      assertThatThrownBy(b::build).as(field).isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
  }

  private void set(Automation.Builder b, String field) {
    Consumer<Automation.Builder> apply = switch (field) {
      case "inventory" -> x -> x.inventory(fx.inventory.engine());
      case "fulfillment" -> x -> x.fulfillment(fx.fulfillment);
      case "scheduler" -> x -> x.scheduler(Scheduler.builder().store(new InMemoryTaskStore()).clock(fx.clock));
      case "secrets" -> x -> x.secrets(fx.secrets);
      case "webhookLogs" -> x -> x.webhookLogs(new InMemoryWebhookLogStore());
      case "stockAlerts" -> x -> x.stockAlerts(new InMemoryStockAlertStore());
      default -> x -> x.alertSink(a -> {});
    };
    apply.accept(b);
  }

  @Test
  void theStandardTaskTypesCannotBeRegisteredTwice() {
    Scheduler.Builder sb = Scheduler.builder().store(new InMemoryTaskStore()).handler(TaskTypes.INVENTORY_SYNC, ctx -> {});
    assertThatThrownBy(() -> complete().scheduler(sb).build())
        .isInstanceOf(InvalidSchedulerArgumentException.class).hasMessageContaining("inventory_sync");
  }

  @Test
  void hostHandlersOnTheSchedulerBuilderKeepWorking() {
    Scheduler.Builder sb = Scheduler.builder().store(new InMemoryTaskStore()).clock(fx.clock).handler("report", ctx -> {});
    Automation a = complete().scheduler(sb).build();
    assertThat(a.scheduler()).isNotNull();
  }

  @Test
  void outOfRangeValuesAreRefused() {
    assertThatThrownBy(() -> complete().openOrderLookback(Duration.ZERO)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("openOrderLookback");
    assertThatThrownBy(() -> complete().maxWebhookBodyBytes(10)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("maxWebhookBodyBytes").hasMessageContaining("10");
    assertThatThrownBy(() -> complete().cjSupplierId(" ")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cjSupplierId");
  }

  @Test
  void templatesAndPlansAreValidated() {
    assertThatThrownBy(() -> ScheduleTemplate.builder("bad key")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key").hasMessageContaining("bad key");
    assertThatThrownBy(() -> ScheduleTemplate.builder("k").recurrence(ZonedRecurrence.hourly(5)).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("taskType");
    assertThatThrownBy(() -> ScheduleTemplate.builder("k").taskType("t").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("recurrence");
    assertThatThrownBy(() -> ScheduleTemplate.builder("k").maxRetries(-1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("maxRetries");
    ScheduleTemplate t = ScheduleTemplate.builder("k").taskType("t").recurrence(ZonedRecurrence.hourly(5)).build();
    assertThatThrownBy(() -> PlanAutomation.builder().schedule(t).schedule(t)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unique");
    assertThatThrownBy(() -> ZonedRecurrence.hourly(60)).isInstanceOf(InvalidSchedulerArgumentException.class);
    assertThat(PlanAutomation.builder().schedule(t).withoutSchedule("k").build().schedules()).isEmpty();
  }

  @Test
  void anOnboardingTheInventoryEngineRefusesStoresNothing() {
    TenantId gold = TenantId.of("gold");
    assertThatThrownBy(() -> fx.automation.onboard(TenantOnboarding.builder()
        .tenant(Tenant.of(gold, Plan.of("GOLD"), InventoryFixture.USD)).cjApiKey(Secret.of("k")).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("GOLD");
    assertThat(fx.secrets.names(gold)).isEmpty();
    assertThat(fx.tasks.schedulesByOwner("gold")).isEmpty();
  }

  @Test
  void viewArgumentsAreChecked() {
    TenantAutomation t = fx.onboard("shop-1", Plan.FREE);
    assertThatThrownBy(() -> t.webhookLogs(Instant.EPOCH, Instant.MAX, null, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> t.health(Instant.MAX, Instant.EPOCH)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("to");
    assertThatThrownBy(() -> t.task(" ")).isInstanceOf(InvalidInputException.class).hasMessageContaining("taskId");
    assertThatThrownBy(() -> t.pollSupplierOrder("")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> TenantOnboarding.builder().build()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tenant");
  }
}

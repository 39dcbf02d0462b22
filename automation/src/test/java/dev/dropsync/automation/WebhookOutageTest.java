package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.spi.InMemoryWebhookLogStore;
import dev.dropsync.automation.spi.WebhookLogStore;
import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.automation.testing.CjPayloads;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.InMemoryTaskStore;
import dev.dropsync.scheduler.spi.TaskStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A store or scheduler outage answers 503 so CJ retries, and the retry gets the message processed. */
class WebhookOutageTest {
  private final TenantId shop = TenantId.of("shop-1");

  @SuppressWarnings("unchecked")
  private static <T> T failing(Class<T> type, T delegate, String method, AtomicInteger failures) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
      if (m.getName().equals(method) && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("database unavailable");
      }
      try {
        return m.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }

  @Test
  void aLogOutageAnswers503AndCjsRetryIsAccepted() {
    AtomicInteger failures = new AtomicInteger();
    WebhookLogStore logs = failing(WebhookLogStore.class, new InMemoryWebhookLogStore(), "insertIfAbsent", failures);
    java.util.List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    AutomationFixture fx = new AutomationFixture(b -> b.webhookLogs(logs).listener(new dev.dropsync.automation.spi.AutomationListener() {
      @Override
      public void onWebhookUnavailable(TenantId tenant, Throwable error) {
        errors.add(tenant + ": " + error.getMessage());
      }
    }));
    TenantAutomation t = fx.onboard("shop-1", Plan.PREMIUM);
    fx.product(shop, "CJ-MUG", 10, "4.20");
    fx.inventory.supplier().setStock("CJ-MUG-V1", 2);
    byte[] body = CjPayloads.stock("m-1", "CJ-MUG-V1", 2);

    failures.set(1);
    WebhookAck down = fx.deliver(shop, body);
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.disposition()).isEqualTo(WebhookDisposition.UNAVAILABLE);
    assertThat(errors).containsExactly("shop-1: database unavailable");

    WebhookAck retry = fx.deliver(shop, body);
    assertThat(retry.disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    fx.runDue();
    assertThat(t.webhookLog("m-1").outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(t.products().get(0).variants().get(0).onHand()).isEqualTo(2);
  }

  @Test
  void aMessageLoggedButNotQueuedIsQueuedByCjsRetry() {
    AtomicInteger failures = new AtomicInteger();
    AutomationFixture fx = new AutomationFixture(s -> failing(TaskStore.class, s, "insertIfAbsent", failures), b -> {});
    InMemoryTaskStore real = fx.tasks;
    TenantAutomation t = fx.onboard("shop-1", Plan.PREMIUM);
    byte[] body = CjPayloads.stock("m-2", "UNKNOWN-VID", 2);

    failures.set(1);
    WebhookAck down = fx.deliver(shop, body);
    assertThat(down.status()).isEqualTo(503);
    WebhookLog logged = t.webhookLog("m-2");
    assertThat(logged.outcome()).isEqualTo(WebhookOutcome.QUEUED);
    assertThat(logged.taskId()).isNull();
    assertThat(real.tasksByOwner("shop-1")).noneMatch(x -> x.type().equals(TaskTypes.WEBHOOK_PROCESS));

    WebhookAck retry = fx.deliver(shop, body);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.disposition()).isEqualTo(WebhookDisposition.DUPLICATE);
    assertThat(retry.taskId()).isNotNull();
    assertThat(t.webhookLog("m-2").taskId()).isEqualTo(retry.taskId());
    assertThat(real.tasksByOwner("shop-1")).filteredOn(x -> x.type().equals(TaskTypes.WEBHOOK_PROCESS)).hasSize(1);
  }

  @Test
  void aMessageWhoseLastAttemptTimesOutIsMarkedFailed() {
    java.util.List<Runnable> neverRun = new java.util.concurrent.CopyOnWriteArrayList<>();
    AutomationFixture fx = new AutomationFixture(ib -> {}, s -> s,
        sb -> sb.executor(neverRun::add).defaultTaskTimeout(java.time.Duration.ofMinutes(1)), b -> {});
    TenantAutomation t = fx.onboard("shop-1", Plan.PREMIUM);
    fx.product(shop, "CJ-MUG", 10, "4.20");
    assertThat(fx.deliver(shop, CjPayloads.stock("m-3", "CJ-MUG-V1", 2)).disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    String taskId = java.util.Objects.requireNonNull(t.webhookLog("m-3").taskId());
    for (int i = 0; i < 50 && t.task(taskId).status() != dev.dropsync.scheduler.TaskStatus.FAILED; i++) {
      fx.advanceAndRun(java.time.Duration.ofMinutes(5)); // each attempt is claimed, never runs, and times out
    }
    assertThat(t.task(taskId).status()).isEqualTo(dev.dropsync.scheduler.TaskStatus.FAILED);
    WebhookLog failed = t.webhookLog("m-3");
    assertThat(failed.processed()).isTrue();
    assertThat(failed.outcome()).isEqualTo(WebhookOutcome.FAILED);
    assertThat(failed.detail()).contains(taskId).contains("timed out");
  }
}

package dev.dropsync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SchedulerBuilderTest {

  private final TaskHandler noop = ctx -> {};

  @Test
  void negativeRetriesAreRefusedNamingFieldAndValue() {
    InvalidSchedulerArgumentException e =
        catchThrowableOfType(
            InvalidSchedulerArgumentException.class,
            () -> TaskRequest.builder().type("sync").owner("o").maxRetries(-1).build());
    assertThat(e).isNotNull();
    assertThat(e.field()).isEqualTo("maxRetries");
    assertThat(e.value()).isEqualTo("-1");
    assertThat(e).hasMessage("maxRetries must be >= 0 but was -1");
    assertThatThrownBy(
            () ->
                ScheduleRequest.builder()
                    .owner("o")
                    .taskType("sync")
                    .recurrence(Recurrence.every(Duration.ofMinutes(1)))
                    .maxRetries(-3)
                    .build())
        .hasMessage("maxRetries must be >= 0 but was -3");
  }

  @Test
  void zeroOrNegativeIntervalsAreRefused() {
    assertThatThrownBy(() -> Scheduler.builder().heartbeatInterval(Duration.ZERO))
        .isInstanceOf(InvalidSchedulerArgumentException.class)
        .hasMessage("heartbeatInterval must be positive but was PT0S");
    assertThatThrownBy(() -> Scheduler.builder().pollInterval(Duration.ofMillis(-1)))
        .hasMessage("pollInterval must be positive but was PT-0.001S");
    assertThatThrownBy(() -> Scheduler.builder().workerCount(0))
        .hasMessage("workerCount must be >= 1 but was 0");
    assertThatThrownBy(() -> Scheduler.builder().maxConcurrency("sync", 0))
        .hasMessage("maxConcurrency must be >= 1 but was 0");
    assertThatThrownBy(() -> TaskRequest.builder().type("t").owner("o").timeout(Duration.ZERO).build())
        .hasMessage("timeout must be positive but was PT0S");
    assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2)))
        .hasMessage("multiplier must be >= 1 but was 0.5");
    assertThatThrownBy(() -> MisfirePolicy.catchUp(0)).hasMessage("maxCatchUp must be >= 1 but was 0");
  }

  @Test
  void buildChecksConsistency() {
    InMemoryTaskStore store = new InMemoryTaskStore();
    assertThatThrownBy(() -> Scheduler.builder().handler("sync", noop).build())
        .hasMessageContaining("store");
    assertThatThrownBy(() -> Scheduler.builder().store(store).build())
        .hasMessageContaining("handlers");
    assertThatThrownBy(
            () ->
                Scheduler.builder()
                    .store(store)
                    .handler("sync", noop)
                    .heartbeatInterval(Duration.ofMinutes(5))
                    .deadClaimTimeout(Duration.ofMinutes(5))
                    .build())
        .hasMessageContaining("deadClaimTimeout");
    assertThatThrownBy(
            () -> Scheduler.builder().store(store).handler("sync", noop).maxConcurrency("other", 2).build())
        .isInstanceOf(UnknownTaskTypeException.class);
    assertThatThrownBy(() -> Scheduler.builder().handler("sync", noop).handler("sync", noop))
        .hasMessageContaining("sync");
  }

  @Test
  void backoffDelayFollowsTheFormula() {
    BackoffPolicy p = new BackoffPolicy(Duration.ofSeconds(2), 3.0, Duration.ofSeconds(60));
    assertThat(p.delay(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.delay(2, 0.0)).isEqualTo(Duration.ofSeconds(3));
    assertThat(p.delay(3, 0.5)).isEqualTo(Duration.ofMillis(13_500));
    assertThat(p.delay(10, 0.0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.delay(10, 0.999_999)).isLessThan(Duration.ofSeconds(60));
    assertThatThrownBy(() -> p.delay(1, 1.0)).hasMessageContaining("unitRandom");
    assertThatThrownBy(() -> p.delay(0, 0.1)).hasMessageContaining("retryNumber");
  }

  @Test
  void startAndCloseRunTheBackgroundLoop() throws Exception {
    java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
    InMemoryTaskStore store = new InMemoryTaskStore();
    java.util.concurrent.ScheduledExecutorService ticker =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try (Scheduler s =
        Scheduler.builder()
            .store(store)
            .clock(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))
            .ticker(ticker)
            .pollInterval(Duration.ofMillis(10))
            .handler("sync", ctx -> ran.countDown())
            .build()) {
      s.start();
      s.start();
      s.submit(TaskRequest.builder().type("sync").owner("o").build());
      assertThat(ran.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      ticker.shutdownNow();
    }
  }
}

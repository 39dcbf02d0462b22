package dev.dropsync.cj.internal;

import dev.dropsync.cj.spi.Sleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Real-time sleeper on a scheduled executor; never blocks the caller. */
public final class ScheduledSleeper implements Sleeper {
  private final ScheduledExecutorService scheduler;

  public ScheduledSleeper(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public CompletableFuture<Void> sleep(Duration duration) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    if (duration.isZero() || duration.isNegative()) {
      f.complete(null);
      return f;
    }
    ScheduledFuture<?> task = scheduler.schedule(() -> f.complete(null), duration.toNanos(), TimeUnit.NANOSECONDS);
    f.whenComplete((v, t) -> {
      if (f.isCancelled()) {
        task.cancel(false);
      }
    });
    return f;
  }

  @Override
  public String toString() {
    return "ScheduledSleeper";
  }
}

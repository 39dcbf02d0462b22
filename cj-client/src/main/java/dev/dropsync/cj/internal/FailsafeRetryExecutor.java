package dev.dropsync.cj.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.failsafe.spi.Scheduler;
import dev.dropsync.cj.spi.Sleeper;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Failsafe-backed retries: exponential backoff with jitter, bounded attempts and total time. */
public final class FailsafeRetryExecutor implements RetryExecutor {
  private final Scheduler scheduler;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final Duration maxDuration;

  public FailsafeRetryExecutor(
      Sleeper sleeper, Executor executor, Duration backoffBase, Duration backoffMax, Duration maxDuration) {
    this.scheduler = new SleeperScheduler(sleeper, executor);
    this.backoffBase = backoffBase;
    this.backoffMax = backoffMax;
    this.maxDuration = maxDuration;
  }

  @Override
  public <T> CompletableFuture<T> execute(
      int maxRetries,
      Predicate<Throwable> shouldRetry,
      Function<Throwable, @Nullable Duration> delayOverride,
      RetryListener onRetry,
      Supplier<CompletableFuture<T>> attempt) {
    RetryPolicyBuilder<T> b =
        RetryPolicy.<T>builder()
            .handleIf((T r, @Nullable Throwable t) -> t != null && shouldRetry.test(HttpCore.unwrap(t)))
            .withMaxRetries(maxRetries)
            .withBackoff(backoffBase, backoffMax)
            .withJitter(0.25)
            .withMaxDuration(maxDuration)
            .withDelayFn(
                ctx -> {
                  Throwable t = ctx.getLastException();
                  Duration d = t == null ? null : delayOverride.apply(HttpCore.unwrap(t));
                  return d == null ? Duration.ofNanos(-1) : d;
                })
            .onRetryScheduled(
                e -> {
                  Throwable t = e.getLastException();
                  if (t != null) {
                    onRetry.onRetry(HttpCore.unwrap(t), e.getDelay());
                  }
                });
    RetryPolicy<T> policy = b.build();
    return Failsafe.with(policy).with(scheduler).getStageAsync(attempt::get);
  }

  /** Adapts the client's {@link Sleeper} to Failsafe's scheduler so delays can be virtual. */
  static final class SleeperScheduler implements Scheduler {
    private final Sleeper sleeper;
    private final Executor executor;

    SleeperScheduler(Sleeper sleeper, Executor executor) {
      this.sleeper = sleeper;
      this.executor = executor;
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
      Duration d = Duration.ofNanos(unit.toNanos(Math.max(0, delay)));
      CompletableFuture<@Nullable Object> result = new CompletableFuture<>();
      CompletableFuture<Void> wait = d.isZero() ? CompletableFuture.completedFuture(null) : sleeper.sleep(d);
      wait.whenComplete(
          (v, t) -> {
            if (t != null) {
              result.completeExceptionally(t);
              return;
            }
            if (result.isDone()) {
              return;
            }
            try {
              executor.execute(
                  () -> {
                    try {
                      result.complete(callable.call());
                    } catch (Throwable e) {
                      result.completeExceptionally(e);
                    }
                  });
            } catch (RuntimeException rejected) {
              result.completeExceptionally(rejected);
            }
          });
      return new Handle(result, wait, d);
    }
  }

  private static final class Handle implements ScheduledFuture<@Nullable Object> {
    private final CompletableFuture<@Nullable Object> result;
    private final CompletableFuture<Void> wait;
    private final Duration delay;

    Handle(CompletableFuture<@Nullable Object> result, CompletableFuture<Void> wait, Duration delay) {
      this.result = result;
      this.wait = wait;
      this.delay = delay;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return wait.isDone() ? 0 : unit.convert(delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      wait.cancel(mayInterruptIfRunning);
      return result.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
      return result.isCancelled();
    }

    @Override
    public boolean isDone() {
      return result.isDone();
    }

    @Override
    public @Nullable Object get() throws InterruptedException, ExecutionException {
      return result.get();
    }

    @Override
    public @Nullable Object get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return result.get(timeout, unit);
    }
  }
}

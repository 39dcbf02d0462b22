package dev.dropsync.cj.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Runs an asynchronous attempt with retries. Hides the retry library. */
public interface RetryExecutor {
  /**
   * @param maxRetries retries after the first attempt
   * @param shouldRetry whether a failure may be retried
   * @param delayOverride a fixed delay for a failure (e.g. Retry-After), or null for backoff
   * @param onRetry called before each retry with the failure and the delay
   */
  <T> CompletableFuture<T> execute(
      int maxRetries,
      Predicate<Throwable> shouldRetry,
      Function<Throwable, @Nullable Duration> delayOverride,
      RetryListener onRetry,
      Supplier<CompletableFuture<T>> attempt);

  /** Notified of scheduled retries. */
  interface RetryListener {
    void onRetry(Throwable failure, Duration delay);
  }
}

package dev.dropsync.cj.spi;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Performs the client's waits without blocking a thread: rate-limiter spacing, retry backoff and
 * {@code Retry-After} pauses. The default schedules on a single daemon thread owned by the client.
 * Tests inject a virtual sleeper that advances a test clock and completes at once.
 *
 * <p>Implementations must be thread-safe and must not block the calling thread.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Returns a future completed once {@code duration} has elapsed. A zero duration may complete at
   * once. Cancelling the returned future should cancel the wait.
   *
   * @param duration how long to wait, never negative
   * @return a future completed (normally) after the wait
   * @since 0.1.0
   */
  CompletableFuture<Void> sleep(Duration duration);
}

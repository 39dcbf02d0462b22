package dev.dropsync.cj;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Observes the client's HTTP traffic for metrics and logging. Every method has a no-op default.
 * Events never carry the API key, tokens or openId. Methods are called synchronously on client or
 * OkHttp threads: keep them fast and thread-safe; exceptions they throw are ignored.
 *
 * @since 0.1.0
 */
public interface CjClientListener {
  /**
   * An HTTP attempt is about to be sent.
   *
   * @param event the attempt
   * @since 0.1.0
   */
  default void onRequest(RequestEvent event) {}

  /**
   * An HTTP attempt finished (with a response or a transport failure).
   *
   * @param event the outcome
   * @since 0.1.0
   */
  default void onResponse(ResponseEvent event) {}

  /**
   * A failed attempt will be retried after a delay.
   *
   * @param event the retry
   * @since 0.1.0
   */
  default void onRetry(RetryEvent event) {}

  /**
   * A call waits because of rate limiting: the client-side limiter ({@code serverThrottled=false})
   * or a CJ throttle answer ({@code true}).
   *
   * @param event the wait
   * @since 0.1.0
   */
  default void onRateLimited(RateLimitEvent event) {}

  /**
   * An HTTP attempt about to be sent.
   *
   * @param endpoint e.g. {@code GET /product/list}
   * @param attempt 1 for the first attempt
   * @since 0.1.0
   */
  record RequestEvent(String endpoint, int attempt) {}

  /**
   * The outcome of one HTTP attempt.
   *
   * @param endpoint e.g. {@code GET /product/list}
   * @param attempt 1 for the first attempt
   * @param duration time from send to outcome, on the client's clock
   * @param httpStatus HTTP status, 0 on transport failure
   * @param code CJ code, or {@code null}
   * @param requestId CJ request id, or {@code null}
   * @param failure simple class name of the exception raised, or {@code null} on success
   * @since 0.1.0
   */
  record ResponseEvent(
      String endpoint,
      int attempt,
      Duration duration,
      int httpStatus,
      @Nullable Integer code,
      @Nullable String requestId,
      @Nullable String failure) {}

  /**
   * A retry about to be scheduled.
   *
   * @param endpoint the endpoint
   * @param failedAttempt number of the attempt that failed
   * @param delay wait before the next attempt
   * @param reason simple class name and CJ code of the failure
   * @since 0.1.0
   */
  record RetryEvent(String endpoint, int failedAttempt, Duration delay, String reason) {}

  /**
   * A rate-limit wait.
   *
   * @param endpoint the endpoint
   * @param delay how long the call waits
   * @param serverThrottled {@code true} when CJ answered with a throttle, {@code false} for the
   *     client-side limiter
   * @since 0.1.0
   */
  record RateLimitEvent(String endpoint, Duration delay, boolean serverThrottled) {}
}

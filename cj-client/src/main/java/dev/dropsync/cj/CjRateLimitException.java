package dev.dropsync.cj;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * CJ throttled the call (code 1600200 under any HTTP status, or a bare HTTP 429), or the client refused
 * to request a token because CJ's token request limit would be breached.
 *
 * <p>The client already waits and retries throttled calls; this exception surfaces only when retries
 * are exhausted or a token request would come too early. Unchecked, immutable and thread-safe.
 *
 * @since 0.1.0
 */
public class CjRateLimitException extends CjException {
  private static final long serialVersionUID = 1L;

  /** Serialized state. */
  private final @Nullable Duration retryAfter;
  /** Serialized state. */
  private final @Nullable Instant earliestRetryAt;

  /**
   * Creates an exception.
   *
   * @param message description (no secrets)
   * @param code CJ code, or {@code null} for a bare 429 or a client-side refusal
   * @param requestId CJ request id, or {@code null}
   * @param httpStatus HTTP status, 0 for a client-side refusal
   * @param endpoint endpoint name
   * @param attemptCount attempts made
   * @param retryAfter how long CJ asked to wait ({@code Retry-After}), or {@code null}
   * @param earliestRetryAt the earliest instant a retry may succeed, or {@code null} when unknown
   * @since 0.1.0
   */
  public CjRateLimitException(
      String message,
      @Nullable Integer code,
      @Nullable String requestId,
      int httpStatus,
      String endpoint,
      int attemptCount,
      @Nullable Duration retryAfter,
      @Nullable Instant earliestRetryAt) {
    super(message, code, requestId, httpStatus, endpoint, attemptCount, true, null);
    this.retryAfter = retryAfter;
    this.earliestRetryAt = earliestRetryAt;
  }

  /**
   * The wait CJ asked for in a {@code Retry-After} header.
   *
   * @return the wait, or {@code null} when CJ gave none
   * @since 0.1.0
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /**
   * The earliest instant (on the client's clock) at which the call may be repeated; set when the
   * client refused to request a token too early.
   *
   * @return the instant, or {@code null} when unknown
   * @since 0.1.0
   */
  public @Nullable Instant earliestRetryAt() {
    return earliestRetryAt;
  }
}

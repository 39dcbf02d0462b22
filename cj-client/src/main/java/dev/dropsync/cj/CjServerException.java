package dev.dropsync.cj;

import org.jspecify.annotations.Nullable;

/**
 * CJ is busy or failed (HTTP 5xx, codes 1600000 and 1600301). Usually retryable.
 *
 * <p>Unchecked, immutable and thread-safe.
 *
 * @since 0.1.0
 */
public class CjServerException extends CjException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception; see {@link CjException#CjException} for the parameters.
   *
   * @param message human-readable description (must not contain secrets)
   * @param code CJ error code, or {@code null}
   * @param requestId CJ request id, or {@code null}
   * @param httpStatus HTTP status, 0 when no response was received
   * @param endpoint endpoint name
   * @param attemptCount attempts made
   * @param retryable whether repeating the call may succeed
   * @param cause underlying cause, or {@code null}
   * @since 0.1.0
   */
  public CjServerException(
      String message,
      @Nullable Integer code,
      @Nullable String requestId,
      int httpStatus,
      String endpoint,
      int attemptCount,
      boolean retryable,
      @Nullable Throwable cause) {
    super(message, code, requestId, httpStatus, endpoint, attemptCount, retryable, cause);
  }
}

package dev.dropsync.cj;

import org.jspecify.annotations.Nullable;

/**
 * The API key or an access/refresh token was rejected (codes 1600001&ndash;1600008, 1601000), or a token could not be obtained.
 *
 * <p>Unchecked, immutable and thread-safe.
 *
 * @since 0.1.0
 */
public class CjAuthenticationException extends CjException {
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
  public CjAuthenticationException(
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

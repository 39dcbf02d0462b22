package dev.dropsync.cj;

import org.jspecify.annotations.Nullable;

/**
 * Root of every error raised by the CJ client. Unchecked.
 *
 * <p>CJ often reports errors with HTTP 200 and a non-200 {@code code}, so both are carried: {@link
 * #httpStatus()} is 0 when no response was received. {@link #getMessage()} appends the endpoint, the
 * CJ code, the request id, the HTTP status and the attempt count. Messages never contain the API key,
 * tokens or the openId. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public class CjException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Serialized state. */
  private final String cjMessage;
  /** Serialized state. */
  private final @Nullable Integer code;
  /** Serialized state. */
  private final @Nullable String requestId;
  /** Serialized state. */
  private final int httpStatus;
  /** Serialized state. */
  private final String endpoint;
  /** Serialized state. */
  private final int attemptCount;
  /** Serialized state. */
  private final boolean retryable;

  /**
   * Creates an exception.
   *
   * @param message human-readable description (must not contain secrets)
   * @param code CJ error code, or {@code null} when there was none
   * @param requestId CJ request id, or {@code null}
   * @param httpStatus HTTP status, 0 when no response was received
   * @param endpoint endpoint name such as {@code GET /product/list}, or {@code "client"}
   * @param attemptCount number of attempts made (at least 1 once a request was tried, 0 before)
   * @param retryable whether repeating the same call may succeed
   * @param cause underlying cause, or {@code null}
   * @since 0.1.0
   */
  public CjException(
      String message,
      @Nullable Integer code,
      @Nullable String requestId,
      int httpStatus,
      String endpoint,
      int attemptCount,
      boolean retryable,
      @Nullable Throwable cause) {
    super(format(message, code, requestId, httpStatus, endpoint, attemptCount), cause);
    this.cjMessage = message;
    this.code = code;
    this.requestId = requestId;
    this.httpStatus = httpStatus;
    this.endpoint = endpoint;
    this.attemptCount = attemptCount;
    this.retryable = retryable;
  }

  private static String format(
      String message,
      @Nullable Integer code,
      @Nullable String requestId,
      int httpStatus,
      String endpoint,
      int attemptCount) {
    StringBuilder b = new StringBuilder(message).append(" [endpoint ").append(endpoint);
    if (code != null) {
      b.append(", code ").append(code);
    }
    if (requestId != null) {
      b.append(", requestId ").append(requestId);
    }
    if (httpStatus != 0) {
      b.append(", HTTP ").append(httpStatus);
    }
    if (attemptCount > 0) {
      b.append(", attempts ").append(attemptCount);
    }
    return b.append(']').toString();
  }

  /**
   * The message without the appended context.
   *
   * @return the bare message
   * @since 0.1.0
   */
  public String cjMessage() {
    return cjMessage;
  }

  /**
   * The CJ error code such as {@code 1600200}.
   *
   * @return the code, or {@code null} when the failure had none (transport, client validation)
   * @since 0.1.0
   */
  public @Nullable Integer code() {
    return code;
  }

  /**
   * The CJ request id of the failed response.
   *
   * @return the id, or {@code null} when none was returned
   * @since 0.1.0
   */
  public @Nullable String requestId() {
    return requestId;
  }

  /**
   * The HTTP status of the last response.
   *
   * @return the status, 0 when no response was received
   * @since 0.1.0
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The endpoint that failed, e.g. {@code GET /product/list}; {@code "client"} for validation errors
   * raised before any request.
   *
   * @return the endpoint name
   * @since 0.1.0
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * How many HTTP attempts were made, including retries.
   *
   * @return the attempt count, 0 when the failure happened before any request
   * @since 0.1.0
   */
  public int attemptCount() {
    return attemptCount;
  }

  /**
   * Whether repeating the same call later may succeed (busy, throttled, transport failures).
   *
   * @return {@code true} when retrying can help
   * @since 0.1.0
   */
  public boolean isRetryable() {
    return retryable;
  }
}

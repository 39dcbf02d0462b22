package dev.dropsync.cj;

import org.jspecify.annotations.Nullable;

/**
 * The request was invalid: rejected by the client before sending (then {@link #endpoint()} is the
 * endpoint that would have been called and {@link #attemptCount()} is 0), or by CJ (code 1600300 and
 * other parameter/validation codes).
 *
 * <p>Unchecked, immutable and thread-safe.
 *
 * @since 0.1.0
 */
public class CjInvalidRequestException extends CjException {
  private static final long serialVersionUID = 1L;

  /** Serialized state. */
  private final @Nullable String field;
  /** Serialized state. */
  private final @Nullable String value;

  /**
   * Creates an exception for a request the client refused to send.
   *
   * @param endpoint the endpoint or builder that rejected the value
   * @param field the offending field, e.g. {@code products[1].quantity}
   * @param value the rejected value as text (never a secret), or {@code null} when missing
   * @param message description naming the field and the value
   * @return the exception
   * @since 0.1.0
   */
  public static CjInvalidRequestException of(
      String endpoint, String field, @Nullable Object value, String message) {
    String text = message.contains(field) ? message : field + ": " + message;
    return new CjInvalidRequestException(
        text, null, null, 0, endpoint, 0, field, value == null ? null : String.valueOf(value), null);
  }

  /**
   * Creates an exception.
   *
   * @param message description
   * @param code CJ code, or {@code null} for a client-side rejection
   * @param requestId CJ request id, or {@code null}
   * @param httpStatus HTTP status, 0 for a client-side rejection
   * @param endpoint endpoint name
   * @param attemptCount attempts made
   * @param field offending field, or {@code null} when CJ did not say
   * @param value rejected value, or {@code null}
   * @param cause cause, or {@code null}
   * @since 0.1.0
   */
  public CjInvalidRequestException(
      String message,
      @Nullable Integer code,
      @Nullable String requestId,
      int httpStatus,
      String endpoint,
      int attemptCount,
      @Nullable String field,
      @Nullable String value,
      @Nullable Throwable cause) {
    super(message, code, requestId, httpStatus, endpoint, attemptCount, false, cause);
    this.field = field;
    this.value = value;
  }

  /**
   * The offending field.
   *
   * @return the field name, or {@code null} when unknown
   * @since 0.1.0
   */
  public @Nullable String field() {
    return field;
  }

  /**
   * The rejected value as text.
   *
   * @return the value, or {@code null} when it was missing or unknown
   * @since 0.1.0
   */
  public @Nullable String value() {
    return value;
  }
}

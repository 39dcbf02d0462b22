package dev.dropsync.cj;

import org.jspecify.annotations.Nullable;

/**
 * CJ answered, but the body could not be decoded: invalid JSON, or a required field is missing or has
 * an unusable value. {@link #field()} names the JSON path and {@link #endpoint()} the endpoint.
 *
 * <p>Unchecked, immutable and thread-safe.
 *
 * @since 0.1.0
 */
public class CjMalformedResponseException extends CjTransportException {
  private static final long serialVersionUID = 1L;

  /** Serialized state. */
  private final @Nullable String field;

  /**
   * Creates an exception.
   *
   * @param message description
   * @param requestId CJ request id, or {@code null}
   * @param httpStatus HTTP status of the response
   * @param endpoint endpoint name
   * @param field JSON path of the missing or bad field, or {@code null} for unparseable JSON
   * @param cause cause, or {@code null}
   * @since 0.1.0
   */
  public CjMalformedResponseException(
      String message,
      @Nullable String requestId,
      int httpStatus,
      String endpoint,
      @Nullable String field,
      @Nullable Throwable cause) {
    super(message, null, requestId, httpStatus, endpoint, 0, false, cause);
    this.field = field;
  }

  /**
   * The JSON path of the missing or unusable field, e.g. {@code data.list[3].pid}.
   *
   * @return the path, or {@code null} when the body was not valid JSON
   * @since 0.1.0
   */
  public @Nullable String field() {
    return field;
  }
}

package dev.dropsync.cj;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The account's daily API points are spent (codes 16900500 and 1600201). Never retried in a loop:
 * points refill every minute by total/1440 and reset at 00:00 UTC.
 *
 * <p>Unchecked, immutable and thread-safe.
 *
 * @since 0.1.0
 */
public class CjQuotaExceededException extends CjException {
  private static final long serialVersionUID = 1L;

  /** Serialized state. */
  private final Instant resetsAt;

  /**
   * Creates an exception.
   *
   * @param message description (no secrets)
   * @param code CJ code
   * @param requestId CJ request id, or {@code null}
   * @param httpStatus HTTP status
   * @param endpoint endpoint name
   * @param attemptCount attempts made
   * @param resetsAt next full reset (00:00 UTC after the failure, on the client's clock)
   * @since 0.1.0
   */
  public CjQuotaExceededException(
      String message,
      @Nullable Integer code,
      @Nullable String requestId,
      int httpStatus,
      String endpoint,
      int attemptCount,
      Instant resetsAt) {
    super(message, code, requestId, httpStatus, endpoint, attemptCount, false, null);
    this.resetsAt = resetsAt;
  }

  /**
   * When the daily points fully reset (next 00:00 UTC). Partial refills happen every minute before.
   *
   * @return the reset instant
   * @since 0.1.0
   */
  public Instant resetsAt() {
    return resetsAt;
  }
}

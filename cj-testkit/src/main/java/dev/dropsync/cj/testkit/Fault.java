package dev.dropsync.cj.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * One injectable failure, applied by the simulator to a matching call instead of (or on top of) its normal
 * answer. Create with the static factories; schedule with {@link SimFaults}.
 *
 * <p>Unless stated otherwise a fault <em>replaces</em> the call: the simulator does not apply the request,
 * charge points or count it against QPS. {@link #delay(Duration)} and {@link #lostResponse()} apply the
 * request first.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Fault {

  /**
   * The kinds of fault.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** HTTP 200, code 1600000 "system busy". */
    BUSY,
    /** HTTP 200, code 1600301 "read timed out". */
    READ_TIMEOUT_CODE,
    /** A 5xx status with an HTML gateway page as body. */
    SERVER_ERROR,
    /** HTTP 400 with a CJ parameter-error envelope (1600300). */
    BAD_REQUEST,
    /** HTTP 429 with the 1600200 throttle envelope and {@code Retry-After: 1}. */
    TOO_MANY_REQUESTS,
    /** A custom CJ error envelope (any code, HTTP 200). */
    CJ_ERROR,
    /** The normal answer, sent after a real delay (headers held back). */
    DELAY,
    /** The connection is closed before the request is applied; no response. */
    DISCONNECT,
    /** The request is applied (e.g. the order is created), then the connection is closed; no response. */
    LOST_RESPONSE,
    /** HTTP 200 with a body that is not valid JSON. */
    MALFORMED_JSON,
    /** Headers announce the full body but the connection closes half way through it. */
    TRUNCATED_JSON,
    /** The caller's access token is expired on the spot; the call gets 1600001. */
    TOKEN_EXPIRED
  }

  private final Kind kind;
  private final int httpStatus;
  private final int cjCode;
  private final String message;
  private final Duration delay;

  private Fault(Kind kind, int httpStatus, int cjCode, String message, Duration delay) {
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.cjCode = cjCode;
    this.message = message;
    this.delay = delay;
  }

  /**
   * CJ "system busy": HTTP 200, {@code code 1600000}.
   *
   * @return cJ "system busy": HTTP 200, {@code code 1600000}
   * @since 0.1.0
   */
  public static Fault busy() {
    return new Fault(Kind.BUSY, 200, 1600000, "System busy, please try again later", Duration.ZERO);
  }

  /**
   * CJ "read timed out": HTTP 200, {@code code 1600301}.
   *
   * @return cJ "read timed out": HTTP 200, {@code code 1600301}
   * @since 0.1.0
   */
  public static Fault readTimeoutCode() {
    return new Fault(Kind.READ_TIMEOUT_CODE, 200, 1600301, "Read timed out", Duration.ZERO);
  }

  /**
   * An HTTP 5xx answer with an HTML body, as a gateway in front of CJ sends.
   *
   * @return an HTTP 5xx answer with an HTML body, as a gateway in front of CJ sends
   * @param status 500..599
   * @throws IllegalArgumentException if {@code status} is not 5xx
   * @since 0.1.0
   */
  public static Fault serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be 500..599 but was " + status);
    }
    return new Fault(Kind.SERVER_ERROR, status, 0, "", Duration.ZERO);
  }

  /**
   * HTTP 400 with a CJ {@code 1600300} "Param error" envelope.
   *
   * @return hTTP 400 with a CJ {@code 1600300} "Param error" envelope
   * @since 0.1.0
   */
  public static Fault badRequest() {
    return new Fault(Kind.BAD_REQUEST, 400, 1600300, "Param error", Duration.ZERO);
  }

  /**
   * HTTP 429 with the 1600200 throttle envelope and {@code Retry-After: 1}.
   *
   * @return hTTP 429 with the 1600200 throttle envelope and {@code Retry-After: 1}
   * @since 0.1.0
   */
  public static Fault tooManyRequests() {
    return new Fault(Kind.TOO_MANY_REQUESTS, 429, 1600200, "Too Many Requests", Duration.ZERO);
  }

  /**
   * A CJ error envelope with any code and message, sent with HTTP 200 (e.g. 1603000 order create failed).
   *
   * @return a CJ error envelope with any code and message, sent with HTTP 200 (e.g. 1603000 order create failed)
   * @param code the CJ code
   * @param message the message text
   * @since 0.1.0
   */
  public static Fault cjError(int code, String message) {
    return new Fault(Kind.CJ_ERROR, 200, code, Objects.requireNonNull(message, "message"), Duration.ZERO);
  }

  /**
   * Applies the call normally but holds the response headers back for {@code delay} of real time, so a
   * client with a shorter read timeout sees a timeout (after the request was applied).
   *
   * @return applies the call normally but holds the response headers back for {@code delay} of real time, so a client with a shorter read timeout sees a timeout (after the request was applied)
   * @param delay the real delay, positive, at most 60 s
   * @throws IllegalArgumentException if {@code delay} is not positive or above 60 s
   * @since 0.1.0
   */
  public static Fault delay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.isZero() || delay.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("delay must be in (0, 60s] but was " + delay);
    }
    return new Fault(Kind.DELAY, 200, 0, "", delay);
  }

  /**
   * Drops the connection without applying the request (the client sees a connection reset / EOF).
   *
   * @return drops the connection without applying the request (the client sees a connection reset / EOF)
   * @since 0.1.0
   */
  public static Fault disconnect() {
    return new Fault(Kind.DISCONNECT, 0, 0, "", Duration.ZERO);
  }

  /**
   * Applies the request (for createOrder: the order is stored) and then drops the connection, so the
   * caller never learns the outcome.
   *
   * @return applies the request (for createOrder: the order is stored) and then drops the connection, so the caller never learns the outcome
   * @since 0.1.0
   */
  public static Fault lostResponse() {
    return new Fault(Kind.LOST_RESPONSE, 0, 0, "", Duration.ZERO);
  }

  /**
   * HTTP 200 whose body is not valid JSON.
   *
   * @return hTTP 200 whose body is not valid JSON
   * @since 0.1.0
   */
  public static Fault malformedJson() {
    return new Fault(Kind.MALFORMED_JSON, 200, 0, "", Duration.ZERO);
  }

  /**
   * HTTP 200 whose {@code Content-Length} announces a full envelope but the connection closes after half of
   * it.
   *
   * @return hTTP 200 whose {@code Content-Length} announces a full envelope but the connection closes after half of it
   * @since 0.1.0
   */
  public static Fault truncatedJson() {
    return new Fault(Kind.TRUNCATED_JSON, 200, 0, "", Duration.ZERO);
  }

  /**
   * Expires the caller's access token at the moment of the call; the call is answered with 1600001 and the
   * token stays dead (the refresh token still works).
   *
   * @return expires the caller's access token at the moment of the call; the call is answered with 1600001 and the token stays dead (the refresh token still works)
   * @since 0.1.0
   */
  public static Fault tokenExpired() {
    return new Fault(Kind.TOKEN_EXPIRED, 200, 1600001, "Invalid access token, the token has expired", Duration.ZERO);
  }

  /**
   * The kind of this fault.
   *
   * @return the kind of this fault
   * @since 0.1.0
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The HTTP status sent, or 0 when no response is sent.
   *
   * @return the HTTP status sent, or 0 when no response is sent
   * @since 0.1.0
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The CJ code in the body, or 0 when the body carries none.
   *
   * @return the CJ code in the body, or 0 when the body carries none
   * @since 0.1.0
   */
  public int cjCode() {
    return cjCode;
  }

  /**
   * The CJ message in the body; empty when not applicable.
   *
   * @return the CJ message in the body; empty when not applicable
   * @since 0.1.0
   */
  public String message() {
    return message;
  }

  /**
   * The real delay of a {@link Kind#DELAY} fault; zero for the others.
   *
   * @return the real delay of a {@link Kind#DELAY} fault; zero for the others
   * @since 0.1.0
   */
  public Duration delay() {
    return delay;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case SERVER_ERROR -> "Fault[SERVER_ERROR " + httpStatus + "]";
      case CJ_ERROR -> "Fault[CJ_ERROR " + cjCode + "]";
      case DELAY -> "Fault[DELAY " + delay + "]";
      default -> "Fault[" + kind + "]";
    };
  }
}

package dev.dropsync.fulfillment.spi;

import java.util.Objects;

/**
 * A supplier's answer to a cancellation request (also used by the engine to report what happened
 * to each supplier order of a cancelled order).
 *
 * @param outcome accepted, refused or pending
 * @param detail the supplier's reason or a short note
 * @since 0.1.0
 */
public record CancellationAnswer(Outcome outcome, String detail) {

  /**
   * Cancellation outcomes.
   *
   * @since 0.1.0
   */
  public enum Outcome {
    /** Cancelled. */
    ACCEPTED,
    /** The supplier will not cancel (e.g. already shipped). */
    REFUSED,
    /** Not decided yet; a later supplier update resolves it. */
    PENDING
  }

  /** Checks for nulls. */
  public CancellationAnswer {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }

  /** Accepted. */
  public static CancellationAnswer accepted(String detail) {
    return new CancellationAnswer(Outcome.ACCEPTED, detail);
  }

  /** Refused for {@code reason}. */
  public static CancellationAnswer refused(String reason) {
    return new CancellationAnswer(Outcome.REFUSED, reason);
  }

  /** Pending. */
  public static CancellationAnswer pending(String detail) {
    return new CancellationAnswer(Outcome.PENDING, detail);
  }
}

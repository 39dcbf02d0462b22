package dev.dropsync.automation;

/**
 * What became of a logged webhook delivery ({@link WebhookLog#outcome()}).
 *
 * @since 0.1.0
 */
public enum WebhookOutcome {
  /** Verified and queued as a {@code webhook_process} task; not processed yet. */
  QUEUED,
  /** Processed: the current state was re-read or the update applied. */
  APPLIED,
  /**
   * Verified but nothing to do: unknown product or order, a stale update, a registration probe, a
   * topic that is not handled, or webhooks not enabled on the tenant's plan. Not an error.
   */
  IGNORED,
  /** Processing failed permanently (every retry of its task failed). */
  FAILED,
  /** Refused: the signature was missing, forged or did not match the body. Never processed. */
  REJECTED;

  /**
   * Returns whether the outcome is final for a verified message (APPLIED, IGNORED or FAILED).
   *
   * @return true for a processed outcome
   * @since 0.1.0
   */
  public boolean isProcessed() {
    return this == APPLIED || this == IGNORED || this == FAILED;
  }
}

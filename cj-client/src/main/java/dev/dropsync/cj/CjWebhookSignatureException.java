package dev.dropsync.cj;

/**
 * A webhook delivery failed signature verification (missing, malformed, forged or tampered {@code
 * sign}), or its body could not be parsed. Reject the delivery.
 *
 * <p>Unchecked, immutable and thread-safe.
 *
 * @since 0.1.0
 */
public class CjWebhookSignatureException extends CjException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message description (never contains the openId or the signature)
   * @since 0.1.0
   */
  public CjWebhookSignatureException(String message) {
    super(message, null, null, 0, "webhook", 0, false, null);
  }
}

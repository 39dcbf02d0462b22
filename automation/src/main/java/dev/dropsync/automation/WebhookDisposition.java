package dev.dropsync.automation;

/**
 * How {@link CjWebhookEndpoint} answered a delivery ({@link WebhookAck#disposition()}).
 *
 * @since 0.1.0
 */
public enum WebhookDisposition {
  /** New, verified message: logged and queued. HTTP 200. */
  ACCEPTED,
  /** A message id already logged: dropped with no effect. HTTP 200. */
  DUPLICATE,
  /**
   * Verified and logged, but not queued (registration probe, unhandled topic, unusable body,
   * webhooks not enabled on the tenant's plan). HTTP 200, so CJ does not retry it.
   */
  IGNORED,
  /** Signature missing, forged or not matching the body, or no openId to check it with: logged. HTTP 401 (413 for an oversized body). */
  REJECTED,
  /** The tenant in the URL is not registered. Nothing logged. HTTP 404. */
  UNKNOWN_TENANT,
  /** Logging or queueing failed (store or scheduler outage); CJ should retry. HTTP 503. */
  UNAVAILABLE
}

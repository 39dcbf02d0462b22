package dev.dropsync.automation.spi;

import dev.dropsync.automation.WebhookLog;
import dev.dropsync.inventory.TenantId;

/**
 * Receives automation events for logs and metrics. Every method has a no-op default; they are
 * called synchronously on request or worker threads, so implementations must be thread-safe and
 * fast. Exceptions they throw are swallowed. Events never carry secrets.
 *
 * @since 0.1.0
 */
public interface AutomationListener {

  /** A listener that ignores everything. */
  AutomationListener NONE = new AutomationListener() {};

  /**
   * A webhook delivery was logged (accepted, ignored or rejected). Duplicates are not reported here.
   *
   * @param entry the new log entry
   * @since 0.1.0
   */
  default void onWebhookLogged(WebhookLog entry) {}

  /**
   * A webhook delivery was dropped as a duplicate.
   *
   * @param entry the existing entry, with the duplicate counted
   * @since 0.1.0
   */
  default void onWebhookDuplicate(WebhookLog entry) {}

  /**
   * A logged webhook message was processed (APPLIED, IGNORED or FAILED).
   *
   * @param entry the entry as processed
   * @since 0.1.0
   */
  default void onWebhookProcessed(WebhookLog entry) {}

  /**
   * A webhook delivery was answered 503 because logging or queueing it failed (store or scheduler
   * outage, unreadable secret); CJ will retry it.
   *
   * @param tenant the tenant the delivery was for
   * @param error the failure (never contains a secret)
   * @since 0.1.0
   */
  default void onWebhookUnavailable(TenantId tenant, Throwable error) {}

  /**
   * One item of a sweep failed (an order that could not be resumed, a supplier order that could
   * not be polled); the sweep went on with the others.
   *
   * @param tenant the tenant
   * @param taskType the task type that ran the sweep
   * @param item what failed, e.g. {@code order 1001} or {@code supplier order 1001-1}
   * @param error the failure
   * @since 0.1.0
   */
  default void onItemFailed(TenantId tenant, String taskType, String item, Throwable error) {}
}

package dev.dropsync.automation;

import java.util.List;

/**
 * The task types {@link Automation} registers on the scheduler, and their payload keys. Every task
 * is owned by a tenant ({@code AutomationTask#owner()} is the tenant id) and its handler only ever
 * touches that tenant's data. Handlers are idempotent: a task may run more than once (at-least-once
 * delivery), and the same effect results.
 *
 * <table>
 *   <caption>Task types</caption>
 *   <tr><th>type</th><th>payload</th><th>does</th></tr>
 *   <tr><td>{@value #INVENTORY_SYNC}</td><td>none, or {@value #PRODUCT_ID}</td><td>a full
 *       {@code InventorySync} run of the tenant (or {@code syncNow} of one product)</td></tr>
 *   <tr><td>{@value #ORDER_FULFILLMENT}</td><td>{@value #ORDER_ID}, or none</td><td>{@code
 *       processOrder} of one order; without an order id, a sweep that resumes the tenant's unfinished
 *       paid orders and polls its open supplier orders</td></tr>
 *   <tr><td>{@value #STOCK_ALERT}</td><td>none</td><td>opens low-stock / out-of-stock alerts once
 *       per crossing and delivers them to the {@code AlertSink}</td></tr>
 *   <tr><td>{@value #WEBHOOK_PROCESS}</td><td>{@value #MESSAGE_ID}</td><td>applies one logged CJ
 *       webhook message</td></tr>
 *   <tr><td>{@value #ANALYTICS_SNAPSHOT}</td><td>none, or {@value #DAY}</td><td>the tenant's daily
 *       analytics and fulfilment metrics of the day before the fire time, in the tenant's zone</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class TaskTypes {
  /** Catalog sync of a tenant. */
  public static final String INVENTORY_SYNC = "inventory_sync";
  /** Fulfilment of one order, or the fulfilment sweep of a tenant. */
  public static final String ORDER_FULFILLMENT = "order_fulfillment";
  /** Low-stock and out-of-stock alerts of a tenant. */
  public static final String STOCK_ALERT = "stock_alert";
  /** Processing of one logged webhook message. */
  public static final String WEBHOOK_PROCESS = "webhook_process";
  /** Daily analytics snapshot of a tenant. */
  public static final String ANALYTICS_SNAPSHOT = "analytics_snapshot";

  /** Payload key: the order id ({@value #ORDER_FULFILLMENT}). */
  public static final String ORDER_ID = "orderId";
  /** Payload key: a product id ({@value #INVENTORY_SYNC} of one product). */
  public static final String PRODUCT_ID = "productId";
  /** Payload key: the webhook message id ({@value #WEBHOOK_PROCESS}). */
  public static final String MESSAGE_ID = "messageId";
  /** Payload key: an ISO date ({@value #ANALYTICS_SNAPSHOT} of that day). */
  public static final String DAY = "day";

  private TaskTypes() {}

  /**
   * Returns the five standard task types.
   *
   * @return the type names
   * @since 0.1.0
   */
  public static List<String> all() {
    return List.of(INVENTORY_SYNC, ORDER_FULFILLMENT, STOCK_ALERT, WEBHOOK_PROCESS, ANALYTICS_SNAPSHOT);
  }
}

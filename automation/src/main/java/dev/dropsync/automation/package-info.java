/**
 * The standard automation of a dropsync back-end: five task types on the scheduler ({@link
 * dev.dropsync.automation.TaskTypes}), default schedules per plan ({@link
 * dev.dropsync.automation.AutomationPolicy}), a framework-neutral CJ webhook endpoint ({@link
 * dev.dropsync.automation.CjWebhookEndpoint}), stock alerts, daily analytics snapshots, automation
 * health, tenant-scoped access ({@link dev.dropsync.automation.TenantAutomation}) and encrypted
 * per-tenant secrets ({@link dev.dropsync.automation.EncryptedSecretStore}).
 *
 * <pre>{@code
 * Automation automation = Automation.builder()
 *     .inventory(inventory).fulfillment(fulfillment)
 *     .scheduler(Scheduler.builder().store(taskStore).clock(clock))
 *     .secrets(EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("k1", key)).storage(rows).build())
 *     .webhookLogs(new InMemoryWebhookLogStore()).stockAlerts(new InMemoryStockAlertStore())
 *     .alertSink(alert -> notify(alert)).clock(clock).build();
 * TenantAutomation shop = automation.onboard(TenantOnboarding.builder()
 *     .tenant(Tenant.of(TenantId.of("shop-1"), Plan.PREMIUM, Currency.getInstance("USD")))
 *     .cjApiKey(Secret.of(apiKey)).cjOpenId(Secret.of(openId)).build());
 * shop.fulfill(OrderId.of("1001"));                                        // order_fulfillment, once
 * WebhookAck ack = shop.receiveWebhook(rawBody, headers);                  // verify, log, queue, answer
 * automation.start();
 * }</pre>
 *
 * <p>Bad arguments are refused with inventory-core's {@link dev.dropsync.inventory.InvalidInputException},
 * unknown or foreign ids with {@link dev.dropsync.inventory.NotFoundException}; automation-specific
 * failures extend {@link dev.dropsync.automation.AutomationException}. Secrets never appear in
 * messages, logs or {@code toString()}.
 */
@NullMarked
package dev.dropsync.automation;

import org.jspecify.annotations.NullMarked;

/**
 * Service-provider interfaces the host implements, each small, tenant-scoped and atomic per call,
 * with an in-memory reference implementation here and an abstract contract test in the module's
 * test-jar: {@link dev.dropsync.automation.spi.WebhookLogStore}, {@link
 * dev.dropsync.automation.spi.StockAlertStore}, {@link dev.dropsync.automation.spi.SecretStore},
 * {@link dev.dropsync.automation.spi.CiphertextStore}; plus the callbacks {@link
 * dev.dropsync.automation.spi.AlertSink} and {@link dev.dropsync.automation.spi.AutomationListener}.
 */
@NullMarked
package dev.dropsync.automation.spi;

import org.jspecify.annotations.NullMarked;

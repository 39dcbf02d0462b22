package dev.dropsync.automation.spi;

import dev.dropsync.automation.StockAlert;

/**
 * Where the {@code stock_alert} task sends newly opened low-stock and out-of-stock alerts (e-mail,
 * chat, the host's notification service). Called from scheduler worker threads, so it must be
 * thread-safe.
 *
 * <p>Delivery is at least once: the alert is stored before {@link #deliver} is called and marked
 * delivered after it returns, so after a crash or an exception the same alert (same {@link
 * StockAlert#alertId()}) is delivered again on the next run. Dedupe on the alert id if duplicates
 * matter. Throwing leaves the alert undelivered and fails the task attempt (it is retried).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AlertSink {

  /**
   * Delivers one alert.
   *
   * @param alert the alert (open, undelivered)
   * @since 0.1.0
   */
  void deliver(StockAlert alert);
}

package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.Notification;

/**
 * Tells customers about their orders (e-mail, SMS, the shop's own system). The engine logs every
 * notification in the order's communication log and calls this at most once per event (a failed
 * call is retried a bounded number of times). Thread-safe. Contract: {@code NotifierContractTest}.
 *
 * @since 0.1.0
 */
public interface Notifier {
  /**
   * Sends {@code notification}. Returning normally means sent.
   *
   * @throws RuntimeException if it was not sent
   */
  void send(Notification notification);
}

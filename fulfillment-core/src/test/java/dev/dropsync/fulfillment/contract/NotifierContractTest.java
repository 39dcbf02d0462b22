package dev.dropsync.fulfillment.contract;

import dev.dropsync.fulfillment.spi.Notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.Notification;
import dev.dropsync.fulfillment.NotificationType;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.inventory.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Notifier} must meet: it accepts every notification type and delivers
 * each one. Implement {@link #newNotifier()} and {@link #delivered}, which reads back what reached
 * the customer (a mail catcher, an outbox table, ...).
 */
public abstract class NotifierContractTest {
  protected abstract Notifier newNotifier();

  /** What {@code notifier} delivered so far, in order. */
  protected abstract List<Notification> delivered(Notifier notifier);

  @Test
  void deliversEveryNotificationTypeIncludingTracking() {
    Notifier n = newNotifier();
    for (NotificationType type : NotificationType.values()) {
      n.send(new Notification(TenantId.of("t"), OrderId.of("o-1"), type, type.name().toLowerCase(java.util.Locale.ROOT),
          CustomerContact.of("Ada", "ada@example.com"),
          type == NotificationType.SHIPPED ? new Tracking("TN1", "USPS", "https://t/TN1") : null, "detail"));
    }
    List<Notification> got = delivered(n);
    assertThat(got).extracting(Notification::type).containsExactly(NotificationType.values());
    assertThat(got.get(NotificationType.SHIPPED.ordinal()).tracking()).isEqualTo(new Tracking("TN1", "USPS", "https://t/TN1"));
  }
}

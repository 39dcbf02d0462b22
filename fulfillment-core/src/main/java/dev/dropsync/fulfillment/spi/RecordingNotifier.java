package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.Notification;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.inventory.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Notifier} that records what it was asked to send (for tests and demos); {@link
 * #failNextSends} scripts failures. Thread-safe.
 *
 * @since 0.1.0
 */
public final class RecordingNotifier implements Notifier {
  private final List<Notification> sent = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();

  /** A notifier that records everything. */
  public RecordingNotifier() {}

  @Override
  public void send(Notification notification) {
    if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new SimulatedFailureException("mail server unavailable");
    }
    sent.add(notification);
  }

  /** The next {@code n} sends throw {@link SimulatedFailureException}. */
  public RecordingNotifier failNextSends(int n) {
    failures.set(n);
    return this;
  }

  /** Everything sent, in order. */
  public List<Notification> sent() {
    return List.copyOf(sent);
  }

  /** What was sent about one order, in order. */
  public List<Notification> sent(TenantId tenant, OrderId orderId) {
    return sent.stream().filter(n -> n.tenant().equals(tenant) && n.orderId().equals(orderId)).toList();
  }
}

package dev.dropsync.automation.testing;

import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.spi.AlertSink;
import java.util.ArrayList;
import java.util.List;

/** An {@link AlertSink} that records deliveries and can be told to fail the next ones. Thread-safe. */
public final class RecordingAlertSink implements AlertSink {
  private final List<StockAlert> delivered = new ArrayList<>();
  private int failNext;

  @Override
  public synchronized void deliver(StockAlert alert) {
    if (failNext > 0) {
      failNext--;
      throw new IllegalStateException("alert sink down");
    }
    delivered.add(alert);
  }

  /** The next {@code n} deliveries throw. */
  public synchronized RecordingAlertSink failNext(int n) {
    failNext = n;
    return this;
  }

  /** Every accepted delivery, in order. */
  public synchronized List<StockAlert> delivered() {
    return List.copyOf(delivered);
  }

  /** Forgets the recorded deliveries. */
  public synchronized void clear() {
    delivered.clear();
  }
}

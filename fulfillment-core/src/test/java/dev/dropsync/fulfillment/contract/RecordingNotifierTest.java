package dev.dropsync.fulfillment.contract;

import dev.dropsync.fulfillment.spi.Notifier;
import dev.dropsync.fulfillment.spi.RecordingNotifier;

import dev.dropsync.fulfillment.Notification;
import java.util.List;

class RecordingNotifierTest extends NotifierContractTest {
  @Override
  protected Notifier newNotifier() {
    return new RecordingNotifier();
  }

  @Override
  protected List<Notification> delivered(Notifier notifier) {
    return ((RecordingNotifier) notifier).sent();
  }
}

package dev.dropsync.inventory.memory;

import dev.dropsync.inventory.spi.InventoryListener;
import dev.dropsync.inventory.spi.InventoryListenerContractTest;
import dev.dropsync.inventory.testing.RecordingListener;

class RecordingListenerContractTest extends InventoryListenerContractTest {
  @Override
  protected InventoryListener listener() {
    return new RecordingListener();
  }
}

package dev.dropsync.inventory.internal;

import dev.dropsync.inventory.spi.InventoryListener;
import java.util.List;
import java.util.function.Consumer;

public final class Events {
  private final List<InventoryListener> listeners;

  public Events(List<InventoryListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  public void fire(Consumer<InventoryListener> event) {
    for (InventoryListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException ignored) {
        // A listener must not undo or half-apply a stored change.
      }
    }
  }

  public boolean isEmpty() {
    return listeners.isEmpty();
  }
}

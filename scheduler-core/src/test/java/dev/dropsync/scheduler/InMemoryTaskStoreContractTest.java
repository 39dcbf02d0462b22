package dev.dropsync.scheduler;

import dev.dropsync.scheduler.spi.AbstractTaskStoreContractTest;
import dev.dropsync.scheduler.spi.TaskStore;

/** The in-memory store passes the store contract. */
class InMemoryTaskStoreContractTest extends AbstractTaskStoreContractTest {
  @Override
  protected TaskStore newStore() {
    return new InMemoryTaskStore();
  }
}

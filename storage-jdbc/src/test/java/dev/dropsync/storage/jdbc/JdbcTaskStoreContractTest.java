package dev.dropsync.storage.jdbc;

import dev.dropsync.scheduler.spi.AbstractTaskStoreContractTest;
import dev.dropsync.scheduler.spi.TaskStore;

/** Runs scheduler-core's contract suite against {@link JdbcTaskStore} on a real PostgreSQL (row-level security on). */
class JdbcTaskStoreContractTest extends AbstractTaskStoreContractTest {
  @Override
  protected TaskStore newStore() {
    return new JdbcTaskStore(TestDatabase.get().fresh());
  }
}

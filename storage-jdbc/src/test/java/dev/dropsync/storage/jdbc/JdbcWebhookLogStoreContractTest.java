package dev.dropsync.storage.jdbc;

import dev.dropsync.automation.spi.WebhookLogStore;
import dev.dropsync.automation.spi.WebhookLogStoreContractTest;

/** Runs the SPI's contract suite against {@link JdbcWebhookLogStore} on a real PostgreSQL (row-level security on). */
class JdbcWebhookLogStoreContractTest extends WebhookLogStoreContractTest {
  @Override
  protected WebhookLogStore newStore() {
    return new JdbcWebhookLogStore(TestDatabase.get().fresh());
  }
}

package dev.dropsync.automation.spi;

/** The in-memory webhook log meets the contract. */
class InMemoryWebhookLogStoreTest extends WebhookLogStoreContractTest {
  @Override
  protected WebhookLogStore newStore() {
    return new InMemoryWebhookLogStore();
  }
}

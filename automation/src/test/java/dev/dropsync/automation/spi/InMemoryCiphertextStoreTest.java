package dev.dropsync.automation.spi;

/** The in-memory ciphertext store meets the contract. */
class InMemoryCiphertextStoreTest extends CiphertextStoreContractTest {
  @Override
  protected CiphertextStore newStore() {
    return new InMemoryCiphertextStore();
  }
}

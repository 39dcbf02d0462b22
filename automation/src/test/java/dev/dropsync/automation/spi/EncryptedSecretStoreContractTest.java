package dev.dropsync.automation.spi;

import dev.dropsync.automation.EncryptedSecretStore;
import dev.dropsync.automation.SecretKeyRing;

/** The AES-GCM store over in-memory ciphertext meets the {@link SecretStore} contract. */
class EncryptedSecretStoreContractTest extends SecretStoreContractTest {
  @Override
  protected SecretStore newStore() {
    return EncryptedSecretStore.builder()
        .keyRing(SecretKeyRing.of("k1", SecretKeyRing.generateKey()))
        .storage(new InMemoryCiphertextStore())
        .build();
  }
}

package dev.dropsync.storage.jdbc;

import dev.dropsync.automation.EncryptedSecretStore;
import dev.dropsync.automation.SecretKeyRing;
import dev.dropsync.automation.spi.SecretStore;
import dev.dropsync.automation.spi.SecretStoreContractTest;

/**
 * The {@link SecretStore} contract for automation's {@link EncryptedSecretStore} (AES-256-GCM) over
 * {@link JdbcCiphertextStore} on a real PostgreSQL: what hosts wire in production.
 */
class JdbcEncryptedSecretStoreContractTest extends SecretStoreContractTest {
  @Override
  protected SecretStore newStore() {
    return EncryptedSecretStore.builder()
        .keyRing(SecretKeyRing.of("k1", SecretKeyRing.generateKey()))
        .storage(new JdbcCiphertextStore(TestDatabase.get().fresh()))
        .build();
  }
}

package dev.dropsync.automation.spi;

import dev.dropsync.automation.SecretName;
import dev.dropsync.inventory.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Raw storage of encrypted secrets under {@link dev.dropsync.automation.EncryptedSecretStore}: one
 * {@link SealedSecret} per {@code (tenant, name)}. It only ever sees ciphertext, so it can be a
 * plain table, e.g.
 *
 * <pre>{@code
 * CREATE TABLE secrets (tenant_id text, name text, key_id text NOT NULL, nonce bytea NOT NULL,
 *   ciphertext bytea NOT NULL, PRIMARY KEY (tenant_id, name));
 * }</pre>
 *
 * <p>Each method is one atomic operation scoped by tenant; implementations are thread-safe.
 * Contract: {@code dev.dropsync.automation.spi.CiphertextStoreContractTest} in the test-jar.
 *
 * @since 0.1.0
 */
public interface CiphertextStore {

  /**
   * Stores {@code sealed} under {@code (tenant, name)}, replacing any previous row (upsert).
   *
   * @param tenant the tenant
   * @param name the secret's name
   * @param sealed the encrypted value
   * @since 0.1.0
   */
  void put(TenantId tenant, SecretName name, SealedSecret sealed);

  /**
   * Reads a row.
   *
   * @param tenant the tenant
   * @param name the secret's name
   * @return the encrypted value, or empty
   * @since 0.1.0
   */
  Optional<SealedSecret> get(TenantId tenant, SecretName name);

  /**
   * Compare-and-set: replaces the row with {@code next} only if it currently equals {@code
   * expected} (same key id, nonce and ciphertext). Used by key rotation so a value written
   * concurrently is never overwritten by an older one re-encrypted.
   *
   * @param tenant the tenant
   * @param name the secret's name
   * @param expected the row the caller read
   * @param next the replacement
   * @return true if replaced; false (nothing changed) if the row is absent or differs
   * @since 0.1.0
   */
  boolean replace(TenantId tenant, SecretName name, SealedSecret expected, SealedSecret next);

  /**
   * Deletes a row.
   *
   * @param tenant the tenant
   * @param name the secret's name
   * @return true if there was one
   * @since 0.1.0
   */
  boolean delete(TenantId tenant, SecretName name);

  /**
   * Lists the names of a tenant's rows, sorted by name.
   *
   * @param tenant the tenant
   * @return the names
   * @since 0.1.0
   */
  List<SecretName> names(TenantId tenant);
}

package dev.dropsync.automation.spi;

import dev.dropsync.automation.Secret;
import dev.dropsync.automation.SecretName;
import dev.dropsync.inventory.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Holds each tenant's secrets (its CJ API key and openId, and any the host adds) by {@link
 * SecretName}. Every call is scoped by {@link TenantId}: a tenant never reads another's secrets.
 *
 * <p>The default implementation, {@link dev.dropsync.automation.EncryptedSecretStore}, keeps values
 * encrypted at rest with AES-GCM over a {@link CiphertextStore}; hosts with a vault can implement
 * this interface directly. Implementations must be thread-safe, make each call atomic, and never
 * log, print or put a value into an exception message.
 *
 * <p>Contract: {@code dev.dropsync.automation.spi.SecretStoreContractTest} in the test-jar.
 *
 * @since 0.1.0
 */
public interface SecretStore {

  /**
   * Stores {@code value} under {@code name}, replacing any previous value. The store keeps its own
   * copy: the caller may {@link Secret#destroy()} {@code value} afterwards.
   *
   * @param tenant the tenant
   * @param name the secret's name
   * @param value the value
   * @since 0.1.0
   */
  void put(TenantId tenant, SecretName name, Secret value);

  /**
   * Reads a secret. Each call returns a new {@link Secret} the caller may destroy.
   *
   * @param tenant the tenant
   * @param name the secret's name
   * @return the value, or empty if the tenant has none under that name
   * @throws dev.dropsync.automation.SecretDecryptionException if a stored value cannot be decrypted
   * @since 0.1.0
   */
  Optional<Secret> get(TenantId tenant, SecretName name);

  /**
   * Deletes a secret.
   *
   * @param tenant the tenant
   * @param name the secret's name
   * @return true if there was one
   * @since 0.1.0
   */
  boolean delete(TenantId tenant, SecretName name);

  /**
   * Lists the names of a tenant's secrets, sorted by name.
   *
   * @param tenant the tenant
   * @return the names
   * @since 0.1.0
   */
  List<SecretName> names(TenantId tenant);
}

package dev.dropsync.automation;

import dev.dropsync.inventory.TenantId;

/**
 * A stored secret could not be decrypted: the key that sealed it is not in the {@link
 * SecretKeyRing}, the key is wrong, the ciphertext was tampered with, or the ciphertext belongs to
 * another tenant or secret name (the tenant and name are authenticated with the ciphertext). The
 * message names the tenant, the secret name and the key id, never the value.
 *
 * @since 0.1.0
 */
public class SecretDecryptionException extends AutomationException {
  private static final long serialVersionUID = 1L;

  /** The tenant id. */
  private final String tenant;
  /** The secret name. */
  private final String name;

  /**
   * Creates the exception.
   *
   * @param tenant the tenant whose secret was read
   * @param name the secret's name
   * @param reason why it failed, without any secret material
   * @since 0.1.0
   */
  public SecretDecryptionException(TenantId tenant, SecretName name, String reason) {
    super("secret " + name.value() + " of tenant \"" + tenant.value() + "\" could not be decrypted: " + reason);
    this.tenant = tenant.value();
    this.name = name.value();
  }

  /**
   * Returns the tenant whose secret failed to decrypt.
   *
   * @return the tenant id
   * @since 0.1.0
   */
  public TenantId tenant() {
    return TenantId.of(tenant);
  }

  /**
   * Returns the secret's name.
   *
   * @return the name
   * @since 0.1.0
   */
  public SecretName name() {
    return SecretName.of(name);
  }
}

package dev.dropsync.automation;

import dev.dropsync.inventory.TenantId;

/**
 * A tenant has no value for a secret the operation needs, e.g. no CJ API key when a CJ client is
 * built, or no CJ openId when a webhook must be verified.
 *
 * @since 0.1.0
 */
public class MissingSecretException extends AutomationException {
  private static final long serialVersionUID = 1L;

  /** The tenant id. */
  private final String tenant;
  /** The secret name. */
  private final String name;

  /**
   * Creates the exception.
   *
   * @param tenant the tenant
   * @param name the missing secret
   * @since 0.1.0
   */
  public MissingSecretException(TenantId tenant, SecretName name) {
    super("tenant \"" + tenant.value() + "\" has no secret " + name.value());
    this.tenant = tenant.value();
    this.name = name.value();
  }

  /**
   * Returns the tenant.
   *
   * @return the tenant id
   * @since 0.1.0
   */
  public TenantId tenant() {
    return TenantId.of(tenant);
  }

  /**
   * Returns the missing secret's name.
   *
   * @return the name
   * @since 0.1.0
   */
  public SecretName name() {
    return SecretName.of(name);
  }
}

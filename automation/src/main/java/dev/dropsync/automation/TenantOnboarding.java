package dev.dropsync.automation;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Tenant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Automation#onboard} needs to set a tenant up: its inventory-core {@link Tenant}
 * (plan, currency, stock defaults) and optionally its CJ credentials. Immutable; {@code toString}
 * never shows the secrets.
 *
 * <pre>{@code
 * automation.onboard(TenantOnboarding.builder()
 *     .tenant(Tenant.of(TenantId.of("shop-1"), Plan.PRO, Currency.getInstance("USD")))
 *     .cjApiKey(Secret.of(apiKey)).cjOpenId(Secret.of(openId))
 *     .build());
 * }</pre>
 *
 * @param tenant the tenant
 * @param cjApiKey its CJ API key, or null to leave the stored one
 * @param cjOpenId its CJ openId (webhook signing key), or null to leave the stored one
 * @since 0.1.0
 */
public record TenantOnboarding(Tenant tenant, @Nullable Secret cjApiKey, @Nullable Secret cjOpenId) {

  /**
   * Checks the tenant is set.
   *
   * @throws InvalidInputException if it is not
   *
   * @param tenant see the record component
   * @param cjApiKey see the record component
   * @param cjOpenId see the record component
   */
  public TenantOnboarding {
    if (tenant == null) {
      throw new InvalidInputException("tenant", null, "is required");
    }
  }

  /**
   * Returns a new builder. Not thread-safe.
   *
   * @return the builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Describes the onboarding without secrets.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "TenantOnboarding[tenant=" + tenant + ", cjApiKey=" + (cjApiKey == null ? "unchanged" : "redacted")
        + ", cjOpenId=" + (cjOpenId == null ? "unchanged" : "redacted") + "]";
  }

  /**
   * Builds a {@link TenantOnboarding}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable Tenant tenant;
    private @Nullable Secret cjApiKey;
    private @Nullable Secret cjOpenId;

    private Builder() {}

    /**
     * Sets the tenant (required).
     *
     * @param tenant the tenant
     * @return this
     * @since 0.1.0
     */
    public Builder tenant(Tenant tenant) {
      this.tenant = Objects.requireNonNull(tenant, "tenant");
      return this;
    }

    /**
     * Sets the CJ API key.
     *
     * @param apiKey the key
     * @return this
     * @since 0.1.0
     */
    public Builder cjApiKey(Secret apiKey) {
      this.cjApiKey = Objects.requireNonNull(apiKey, "cjApiKey");
      return this;
    }

    /**
     * Sets the CJ openId (the key CJ signs webhooks with).
     *
     * @param openId the openId
     * @return this
     * @since 0.1.0
     */
    public Builder cjOpenId(Secret openId) {
      this.cjOpenId = Objects.requireNonNull(openId, "cjOpenId");
      return this;
    }

    /**
     * Builds it.
     *
     * @return the onboarding
     * @throws InvalidInputException if the tenant is missing
     * @since 0.1.0
     */
    public TenantOnboarding build() {
      if (tenant == null) {
        throw new InvalidInputException("tenant", null, "is required");
      }
      return new TenantOnboarding(tenant, cjApiKey, cjOpenId);
    }
  }
}

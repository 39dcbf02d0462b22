package dev.dropsync.automation;

import dev.dropsync.automation.spi.SecretStore;
import dev.dropsync.cj.CjClient;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One {@link CjClient} per tenant, built on first use with the tenant's API key from the {@link
 * SecretStore} ({@link SecretName#CJ_API_KEY}) and cached, so each tenant's rate limiter, tokens and
 * points are shared by all its calls. It is a {@code Function<TenantId, CjClient>}, the shape the CJ
 * supplier adapter takes.
 *
 * <pre>{@code
 * TenantCjClients clients = TenantCjClients.builder()
 *     .secrets(secretStore)
 *     .configure((tenant, b) -> b.qps(2).tokenStore(tokenStoreFor(tenant)))   // anything but the key
 *     .build();
 * CjClient cj = clients.apply(tenant);
 * clients.invalidate(tenant);   // after the tenant's key changed: closes its client
 * clients.close();              // closes every client
 * }</pre>
 *
 * <p>Thread-safe: concurrent first calls for a tenant build one client. {@link
 * Automation} invalidates a tenant's client when its credentials are changed through {@link
 * TenantAutomation#setCjCredentials}.
 *
 * @since 0.1.0
 */
public final class TenantCjClients implements Function<TenantId, CjClient>, AutoCloseable {
  private final SecretStore secrets;
  private final BiConsumer<TenantId, CjClient.Builder> configure;
  private final ConcurrentHashMap<TenantId, CjClient> clients = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private TenantCjClients(Builder b) {
    if (b.secrets == null) {
      throw new InvalidInputException("secrets", null, "is required");
    }
    this.secrets = b.secrets;
    this.configure = b.configure;
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
   * Returns the tenant's client, building it on first use.
   *
   * @param tenant the tenant
   * @return its client
   * @throws MissingSecretException if the tenant has no CJ API key
   * @throws IllegalStateException after {@link #close()}
   * @since 0.1.0
   */
  @Override
  public CjClient apply(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (closed) {
      throw new IllegalStateException("TenantCjClients is closed");
    }
    CjClient client = clients.computeIfAbsent(tenant, this::build);
    if (closed) {
      invalidate(tenant);
      throw new IllegalStateException("TenantCjClients is closed");
    }
    return client;
  }

  private CjClient build(TenantId tenant) {
    Secret key = secrets.get(tenant, SecretName.CJ_API_KEY)
        .orElseThrow(() -> new MissingSecretException(tenant, SecretName.CJ_API_KEY));
    try {
      CjClient.Builder b = CjClient.builder();
      configure.accept(tenant, b);
      return b.apiKey(key.reveal()).build();
    } finally {
      key.destroy();
    }
  }

  /**
   * Closes and forgets the tenant's client; the next {@link #apply} builds a new one with the
   * current key.
   *
   * @param tenant the tenant
   * @return true if it had a client
   * @since 0.1.0
   */
  public boolean invalidate(TenantId tenant) {
    CjClient c = clients.remove(Objects.requireNonNull(tenant, "tenant"));
    if (c != null) {
      c.close();
      return true;
    }
    return false;
  }

  /**
   * Returns how many clients are cached.
   *
   * @return the count
   * @since 0.1.0
   */
  public int size() {
    return clients.size();
  }

  /**
   * Closes every cached client; later {@link #apply} calls throw. Idempotent.
   *
   * @since 0.1.0
   */
  @Override
  public void close() {
    closed = true;
    List<TenantId> tenants = new ArrayList<>(clients.keySet());
    for (TenantId t : tenants) {
      invalidate(t);
    }
  }

  /**
   * Builds {@link TenantCjClients}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable SecretStore secrets;
    private BiConsumer<TenantId, CjClient.Builder> configure = (t, b) -> {};

    private Builder() {}

    /**
     * Sets where the API keys are read (required).
     *
     * @param secrets the secret store
     * @return this
     * @since 0.1.0
     */
    public Builder secrets(SecretStore secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /**
     * Sets how each tenant's client is configured (QPS, token store, base URL, listener...) before
     * the API key is set (default: the client's defaults).
     *
     * @param configure called with the tenant and a fresh builder
     * @return this
     * @since 0.1.0
     */
    public Builder configure(BiConsumer<TenantId, CjClient.Builder> configure) {
      this.configure = Objects.requireNonNull(configure, "configure");
      return this;
    }

    /**
     * Builds it.
     *
     * @return the cache
     * @throws InvalidInputException if the secret store is missing
     * @since 0.1.0
     */
    public TenantCjClients build() {
      return new TenantCjClients(this);
    }
  }
}

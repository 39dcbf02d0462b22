package dev.dropsync.cj;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Per-call overrides: read timeout, maximum retries and extra headers. Immutable and thread-safe;
 * built with {@link #builder()}. Values are validated on {@link Builder#build()}.
 *
 * @since 0.1.0
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();
  private static final Set<String> RESERVED = Set.of("cj-access-token", "content-type", "host", "content-length");

  private final @Nullable Duration readTimeout;
  private final @Nullable Integer maxRetries;
  private final Map<String, String> headers;

  private RequestOptions(Builder b) {
    this.readTimeout = b.readTimeout;
    this.maxRetries = b.maxRetries;
    this.headers = Map.copyOf(b.headers);
  }

  /**
   * Options that change nothing.
   *
   * @return the empty options
   * @since 0.1.0
   */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * A new builder.
   *
   * @return an empty builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these values.
   *
   * @return a builder pre-filled from this object
   * @since 0.1.0
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.readTimeout = readTimeout;
    b.maxRetries = maxRetries;
    b.headers.putAll(headers);
    return b;
  }

  /**
   * The read timeout for this call, overriding the client's.
   *
   * @return the timeout, or {@code null} to use the client's
   * @since 0.1.0
   */
  public @Nullable Duration readTimeout() {
    return readTimeout;
  }

  /**
   * The maximum number of retries for this call, overriding the client's.
   *
   * @return the limit, or {@code null} to use the client's
   * @since 0.1.0
   */
  public @Nullable Integer maxRetries() {
    return maxRetries;
  }

  /**
   * Extra headers sent with the call.
   *
   * @return an immutable map
   * @since 0.1.0
   */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "RequestOptions{readTimeout=" + readTimeout + ", maxRetries=" + maxRetries + ", headers=" + headers.keySet() + "}";
  }

  /**
   * Builds {@link RequestOptions}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable Duration readTimeout;
    private @Nullable Integer maxRetries;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the read timeout for this call.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws CjInvalidRequestException when not positive
     * @since 0.1.0
     */
    public Builder readTimeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw CjInvalidRequestException.of("RequestOptions", "readTimeout", timeout, "readTimeout must be positive but was " + timeout);
      }
      this.readTimeout = timeout;
      return this;
    }

    /**
     * Sets the maximum retries for this call (0 disables retries).
     *
     * @param maxRetries between 0 and 10
     * @return this builder
     * @throws CjInvalidRequestException when out of range
     * @since 0.1.0
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw CjInvalidRequestException.of("RequestOptions", "maxRetries", maxRetries, "maxRetries must be in 0..10 but was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Adds a header, e.g. {@code platformToken} for createOrder. The token and content-type headers
     * are managed by the client and cannot be set.
     *
     * @param name header name
     * @param value header value (may be empty)
     * @return this builder
     * @throws CjInvalidRequestException when the name is blank or reserved
     * @since 0.1.0
     */
    public Builder header(String name, String value) {
      if (name.isBlank() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw CjInvalidRequestException.of("RequestOptions", "header", name, "header name is blank or managed by the client: \"" + name + "\"");
      }
      headers.put(name, value);
      return this;
    }

    /**
     * Builds the options.
     *
     * @return immutable options
     * @since 0.1.0
     */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}

package dev.dropsync.examples.demo;

import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which CJ the demo talks to: the embedded simulator ({@link #embedded()}), or the server named by
 * {@code CJ_BASE_URL} with {@code CJ_API_KEY} and {@code CJ_QPS} (the real CJ, or any compatible
 * server such as the standalone simulator). The API key is never printed: {@link #toString()} leaves
 * it out.
 *
 * @param baseUrl the API base URL, e.g. {@code https://developers.cjdropshipping.com/api2.0/v1}, or
 *     null for the embedded simulator
 * @param apiKey the account's API key, or null for the embedded simulator
 * @param qps the account's QPS (0 for the embedded simulator, whose QPS is {@code --qps})
 * @since 0.1.0
 */
public record CjTarget(@Nullable String baseUrl, @Nullable String apiKey, double qps) {

  /**
   * The embedded simulator.
   *
   * @return the target
   * @since 0.1.0
   */
  public static CjTarget embedded() {
    return new CjTarget(null, null, 0);
  }

  /**
   * Whether this is the embedded simulator.
   *
   * @return true without {@code CJ_BASE_URL}
   * @since 0.1.0
   */
  public boolean isEmbedded() {
    return baseUrl == null;
  }

  /**
   * Reads {@code CJ_BASE_URL}, {@code CJ_API_KEY} and {@code CJ_QPS}; without {@code CJ_BASE_URL}
   * the embedded simulator.
   *
   * @param env the environment
   * @return the target
   * @throws UsageException naming the variable (and its value, except the key's) if one is bad
   * @since 0.1.0
   */
  public static CjTarget fromEnvironment(Map<String, String> env) {
    String url = env.get("CJ_BASE_URL");
    if (url == null || url.isBlank()) {
      return embedded();
    }
    url = url.strip();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new UsageException("CJ_BASE_URL must be an http(s) URL but was \"" + url + "\"");
    }
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new UsageException("CJ_BASE_URL must be an http(s) URL but was \"" + url + "\"");
    }
    String key = env.get("CJ_API_KEY");
    if (key == null || key.isBlank()) {
      throw new UsageException("CJ_API_KEY is blank but CJ_BASE_URL is set");
    }
    String qpsText = env.get("CJ_QPS");
    if (qpsText == null || qpsText.isBlank()) {
      throw new UsageException("CJ_QPS is not set but CJ_BASE_URL is (your CJ account's level: 1, 2, 4 or 6)");
    }
    double qps;
    try {
      qps = Double.parseDouble(qpsText.strip());
    } catch (NumberFormatException e) {
      throw new UsageException("CJ_QPS must be a number from 0.1 to 100 but was \"" + qpsText + "\"");
    }
    if (!(qps >= 0.1 && qps <= 100)) {
      throw new UsageException("CJ_QPS must be a number from 0.1 to 100 but was \"" + qpsText + "\"");
    }
    return new CjTarget(url, key.strip(), qps);
  }

  @Override
  public String toString() {
    return isEmbedded() ? "CjTarget[embedded simulator]" : "CjTarget[" + baseUrl + ", QPS " + qps + ", apiKey redacted]";
  }
}

package dev.dropsync.cj.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP call the simulator received, as recorded for assertions. Secrets are redacted: the
 * {@code CJ-Access-Token} and {@code platformToken} headers read {@code "REDACTED"}, and {@code apiKey},
 * {@code accessToken} and {@code refreshToken} values in the body are replaced the same way.
 *
 * @param time when the call arrived, by the simulator's clock
 * @param method the HTTP method
 * @param path the path below {@code /api2.0/v1}, e.g. {@code "/product/list"}
 * @param endpoint the matching endpoint, or null for an unknown path
 * @param query query parameters in arrival order (repeated keys keep every value)
 * @param headers request headers (names lower-case), token values redacted
 * @param body the request body as UTF-8 text (secrets redacted), empty when none
 * @param httpStatus the HTTP status answered, or 0 when the connection was dropped
 * @param cjCode the CJ {@code code} answered, or null when no envelope was sent
 * @param fault the injected fault applied to this call, or null
 * @param openId the account the call was attributed to (by token or API key), or null
 * @since 0.1.0
 */
public record RecordedCall(
    Instant time,
    String method,
    String path,
    @Nullable Endpoint endpoint,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String body,
    int httpStatus,
    @Nullable Integer cjCode,
    @Nullable Fault fault,
    @Nullable String openId) {

  /**
   * Creates a record, copying the maps immutably.
   *
   * @param time see the record description
   * @param method see the record description
   * @param path see the record description
   * @param endpoint see the record description
   * @param query see the record description
   * @param headers see the record description
   * @param body see the record description
   * @param httpStatus see the record description
   * @param cjCode see the record description
   * @param fault see the record description
   * @param openId see the record description
   */
  public RecordedCall {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  /**
   * Whether the simulator answered this call with its throttle answer (code 1600200, any HTTP status).
   *
   * @return whether the simulator answered this call with its throttle answer (code 1600200, any HTTP status)
   * @since 0.1.0
   */
  public boolean throttled() {
    return cjCode != null && cjCode == 1600200;
  }

  /**
   * The first value of query parameter {@code name}, or null.
   *
   * @param name the name
   * @return the first value of query parameter {@code name}, or null
   * @since 0.1.0
   */
  public @Nullable String queryParam(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /**
   * The first value of header {@code name} (case-insensitive), or null.
   *
   * @param name the name
   * @return the first value of header {@code name} (case-insensitive), or null
   * @since 0.1.0
   */
  public @Nullable String header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}

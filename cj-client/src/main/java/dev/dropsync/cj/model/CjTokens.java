package dev.dropsync.cj.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A CJ token pair as returned by getAccessToken/refreshAccessToken. {@link #toString()} redacts the
 * tokens and the openId.
 *
 * @param openId the account's numeric openId as text (also the webhook signing key; secret), or
 *     {@code null} when refreshAccessToken did not return it
 * @param accessToken the access token (secret), sent as {@code CJ-Access-Token}
 * @param accessTokenExpiresAt when the access token expires
 * @param refreshToken the refresh token (secret)
 * @param refreshTokenExpiresAt when the refresh token expires
 * @param createdAt when CJ issued the pair, or {@code null}
 * @since 0.1.0
 */
public record CjTokens(
    @Nullable String openId,
    String accessToken,
    Instant accessTokenExpiresAt,
    String refreshToken,
    Instant refreshTokenExpiresAt,
    @Nullable Instant createdAt) {

  /**
   * Validates that tokens and expiries are present.
   *
   * @param openId see the record component
   * @param accessToken see the record component
   * @param accessTokenExpiresAt see the record component
   * @param refreshToken see the record component
   * @param refreshTokenExpiresAt see the record component
   * @param createdAt see the record component
   */
  public CjTokens {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(refreshTokenExpiresAt, "refreshTokenExpiresAt");
  }

  /**
   * Whether the access token is still valid at {@code now}.
   *
   * @param now the instant to check
   * @return {@code true} when not yet expired
   * @since 0.1.0
   */
  public boolean accessTokenValidAt(Instant now) {
    return now.isBefore(accessTokenExpiresAt);
  }

  /**
   * Time left on the access token at {@code now}.
   *
   * @param now the instant to check
   * @return remaining lifetime, negative when expired
   * @since 0.1.0
   */
  public Duration accessTokenRemaining(Instant now) {
    return Duration.between(now, accessTokenExpiresAt);
  }

  /**
   * Redacted representation: shows expiries only.
   *
   * @return text without any token or openId
   */
  @Override
  public String toString() {
    return "CjTokens{accessToken=[redacted], accessTokenExpiresAt="
        + accessTokenExpiresAt
        + ", refreshToken=[redacted], refreshTokenExpiresAt="
        + refreshTokenExpiresAt
        + ", openId=[redacted]}";
  }
}

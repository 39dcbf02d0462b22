package dev.dropsync.cj;

import dev.dropsync.cj.internal.HttpCore;
import dev.dropsync.cj.internal.TokenManager;
import dev.dropsync.cj.model.CjTokens;
import java.util.concurrent.CompletableFuture;

/**
 * Explicit token operations. Normal use needs none of them: the client obtains, stores and refreshes
 * tokens itself. Every method respects CJ's token request limits and updates the {@code TokenStore}.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class AuthService {
  private final TokenManager tokens;

  AuthService(TokenManager tokens) {
    this.tokens = tokens;
  }

  /**
   * {@code POST /authentication/getAccessToken} with the client's API key; stores the new pair.
   *
   * @return the tokens ({@code toString()} is redacted)
   * @throws CjRateLimitException when called within five minutes of the previous request (see
   *     {@link CjRateLimitException#earliestRetryAt()})
   * @since 0.1.0
   */
  public CjTokens getAccessToken() {
    return HttpCore.await(getAccessTokenAsync(), TokenManager.GET_TOKEN.name());
  }

  /**
   * Async {@link #getAccessToken()}.
   *
   * @return the tokens
   * @since 0.1.0
   */
  public CompletableFuture<CjTokens> getAccessTokenAsync() {
    return tokens.forceNew();
  }

  /**
   * {@code POST /authentication/refreshAccessToken} with the stored refresh token; stores the result.
   * CJ may return the same pair within 24 h.
   *
   * @return the tokens
   * @throws CjAuthenticationException when no token is stored or CJ rejects the refresh token
   * @since 0.1.0
   */
  public CjTokens refreshAccessToken() {
    return HttpCore.await(refreshAccessTokenAsync(), TokenManager.REFRESH_TOKEN.name());
  }

  /**
   * Async {@link #refreshAccessToken()}.
   *
   * @return the tokens
   * @since 0.1.0
   */
  public CompletableFuture<CjTokens> refreshAccessTokenAsync() {
    return tokens.forceRefresh();
  }

  /**
   * {@code POST /authentication/logout}: both tokens die; clears the store.
   *
   * @return {@code true} when CJ confirmed
   * @since 0.1.0
   */
  public boolean logout() {
    return HttpCore.await(logoutAsync(), TokenManager.LOGOUT.name());
  }

  /**
   * Async {@link #logout()}.
   *
   * @return {@code true} when confirmed
   * @since 0.1.0
   */
  public CompletableFuture<Boolean> logoutAsync() {
    return tokens.logout();
  }

  /**
   * The non-secret account fingerprint used as {@code TokenStore} key.
   *
   * @return the key
   * @since 0.1.0
   */
  public String accountKey() {
    return tokens.accountKey();
  }
}

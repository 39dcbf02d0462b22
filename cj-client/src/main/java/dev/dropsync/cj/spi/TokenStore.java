package dev.dropsync.cj.spi;

import dev.dropsync.cj.model.CjTokens;
import java.util.Optional;

/**
 * Persists CJ access/refresh tokens per account so that restarts and other processes reuse a live
 * token instead of calling getAccessToken (limited by CJ to once per five minutes).
 *
 * <p>The {@code accountKey} is a non-secret fingerprint of the API key (a SHA-256 prefix), stable
 * across restarts; it is safe to log. Implementations must be thread-safe; each method is called
 * outside the client's locks and may block briefly (e.g. a database round trip). {@link #save} must
 * replace the previous value atomically.
 *
 * @since 0.1.0
 */
public interface TokenStore {
  /**
   * Loads the tokens last saved for an account.
   *
   * @param accountKey non-secret account fingerprint
   * @return the tokens, or empty when none were saved
   * @since 0.1.0
   */
  Optional<CjTokens> load(String accountKey);

  /**
   * Saves (replaces) the tokens of an account.
   *
   * @param accountKey non-secret account fingerprint
   * @param tokens the tokens to keep
   * @since 0.1.0
   */
  void save(String accountKey, CjTokens tokens);

  /**
   * Forgets the tokens of an account (after logout or when CJ rejected them).
   *
   * @param accountKey non-secret account fingerprint
   * @since 0.1.0
   */
  void clear(String accountKey);
}

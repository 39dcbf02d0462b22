package dev.dropsync.cj.spi;

import dev.dropsync.cj.model.CjTokens;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link TokenStore}: a thread-safe map in memory. Tokens survive as long as this object;
 * share one instance between clients of the same process to share tokens.
 *
 * @since 0.1.0
 */
public final class InMemoryTokenStore implements TokenStore {
  private final ConcurrentMap<String, CjTokens> tokens = new ConcurrentHashMap<>();

  /**
   * Creates an empty store.
   *
   * @since 0.1.0
   */
  public InMemoryTokenStore() {}

  @Override
  public Optional<CjTokens> load(String accountKey) {
    return Optional.ofNullable(tokens.get(accountKey));
  }

  @Override
  public void save(String accountKey, CjTokens value) {
    tokens.put(accountKey, value);
  }

  @Override
  public void clear(String accountKey) {
    tokens.remove(accountKey);
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore{accounts=" + tokens.size() + "}";
  }
}

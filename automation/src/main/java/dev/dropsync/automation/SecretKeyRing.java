package dev.dropsync.automation;

import dev.dropsync.inventory.InvalidInputException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The AES-256 keys an {@link EncryptedSecretStore} encrypts with, each under a key id. New values
 * are sealed with the {@linkplain #primaryKeyId() primary} key; any key of the ring opens what it
 * sealed, so keys rotate by adding a new primary, calling {@link EncryptedSecretStore#rotate} for
 * every tenant, and dropping the old key afterwards.
 *
 * <pre>{@code
 * SecretKeyRing keys = SecretKeyRing.builder()
 *     .key("2026-11", keyBytesFromYourKms)   // 32 bytes
 *     .key("2025-06", previousKeyBytes)
 *     .primary("2026-11")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. The key bytes are copied on {@link Builder#key}; the caller should
 * wipe its arrays. {@link #toString()} lists key ids only.
 *
 * @since 0.1.0
 */
public final class SecretKeyRing {
  /** Key length in bytes (AES-256). */
  public static final int KEY_BYTES = 32;

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Map<String, SecretKey> keys;
  private final String primary;

  private SecretKeyRing(Map<String, SecretKey> keys, String primary) {
    this.keys = Map.copyOf(keys);
    this.primary = primary;
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
   * Returns a ring with the single key {@code key} under {@code keyId} (also the primary).
   *
   * @param keyId the key id
   * @param key 32 key bytes (copied)
   * @return the ring
   * @throws InvalidInputException if the id is malformed or the key is not 32 bytes
   * @since 0.1.0
   */
  public static SecretKeyRing of(String keyId, byte[] key) {
    return builder().key(keyId, key).build();
  }

  /**
   * Generates 32 random key bytes with a {@link SecureRandom}, e.g. for tests or a first install.
   * Store them in your KMS or vault; losing them loses every secret sealed with them.
   *
   * @return new key bytes
   * @since 0.1.0
   */
  public static byte[] generateKey() {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /**
   * Returns the id of the key new values are sealed with.
   *
   * @return the primary key id
   * @since 0.1.0
   */
  public String primaryKeyId() {
    return primary;
  }

  /**
   * Returns every key id of the ring.
   *
   * @return the ids
   * @since 0.1.0
   */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  Optional<SecretKey> key(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  SecretKey primaryKey() {
    SecretKey k = keys.get(primary);
    if (k == null) {
      throw new IllegalStateException("primary key missing");
    }
    return k;
  }

  /**
   * Lists the key ids and the primary; never key material.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "SecretKeyRing[primary=" + primary + ", keys=" + new java.util.TreeSet<>(keys.keySet()) + "]";
  }

  /**
   * Builds a {@link SecretKeyRing}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private @Nullable String primary;

    private Builder() {}

    /**
     * Adds a key.
     *
     * @param keyId the id stored with every value this key seals: 1-64 letters, digits, '.', '_'
     *     or '-'
     * @param key exactly 32 bytes (AES-256); copied
     * @return this
     * @throws InvalidInputException if the id is malformed or already added, or the key is not 32
     *     bytes (the message gives its length, never its bytes)
     * @since 0.1.0
     */
    public Builder key(@Nullable String keyId, byte @Nullable [] key) {
      if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
        throw new InvalidInputException("keyId", keyId, "must be 1-64 letters, digits, '.', '_' or '-'");
      }
      if (keys.containsKey(keyId)) {
        throw new InvalidInputException("keyId", keyId, "must be added once");
      }
      if (key == null || key.length != KEY_BYTES) {
        throw new InvalidInputException("key", key == null ? null : key.length + " bytes",
            "must be " + KEY_BYTES + " bytes (AES-256)");
      }
      byte[] copy = key.clone();
      keys.put(keyId, new SecretKeySpec(copy, "AES"));
      Arrays.fill(copy, (byte) 0);
      return this;
    }

    /**
     * Sets the primary key (required when the ring has more than one key).
     *
     * @param keyId an added key's id
     * @return this
     * @since 0.1.0
     */
    public Builder primary(String keyId) {
      this.primary = keyId;
      return this;
    }

    /**
     * Builds the ring.
     *
     * @return the ring
     * @throws InvalidInputException if no key was added, the primary is unknown, or the primary is
     *     missing while several keys were added
     * @since 0.1.0
     */
    public SecretKeyRing build() {
      if (keys.isEmpty()) {
        throw new InvalidInputException("keys", "[]", "must contain at least one key");
      }
      String p = primary;
      if (p == null) {
        if (keys.size() > 1) {
          throw new InvalidInputException("primary", null, "must be set when the ring has several keys");
        }
        p = keys.keySet().iterator().next();
      }
      if (!keys.containsKey(p)) {
        throw new InvalidInputException("primary", p, "must be one of the added key ids " + keys.keySet());
      }
      return new SecretKeyRing(keys, p);
    }
  }
}

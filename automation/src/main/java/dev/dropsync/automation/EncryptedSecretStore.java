package dev.dropsync.automation;

import dev.dropsync.automation.spi.CiphertextStore;
import dev.dropsync.automation.spi.SealedSecret;
import dev.dropsync.automation.spi.SecretStore;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link SecretStore}: values encrypted at rest with AES-256-GCM (JDK {@code
 * javax.crypto}) over a pluggable {@link CiphertextStore} that only ever sees ciphertext.
 *
 * <ul>
 *   <li>Every write uses a fresh random 96-bit nonce from a {@link SecureRandom} and the ring's
 *       primary key; the key id is stored with the ciphertext.
 *   <li>The tenant, the secret's name and the key id are authenticated as GCM additional data, so a
 *       ciphertext moved to another tenant or name, a tampered byte, or a wrong key fails with
 *       {@link SecretDecryptionException} instead of yielding a value.
 *   <li>{@link #rotate} re-encrypts a tenant's values still sealed with an older key under the
 *       primary key, by compare-and-set, so a concurrent write is never lost.
 * </ul>
 *
 * <pre>{@code
 * SecretStore secrets = EncryptedSecretStore.builder()
 *     .keyRing(SecretKeyRing.of("2026-11", keyBytesFromYourKms))
 *     .storage(new InMemoryCiphertextStore())          // or a JDBC CiphertextStore
 *     .build();
 * secrets.put(tenant, SecretName.CJ_API_KEY, Secret.of(apiKey));
 * }</pre>
 *
 * <p>Immutable and thread-safe. Plaintext buffers are wiped after use; values never appear in
 * logs, messages or {@code toString()}.
 *
 * @since 0.1.0
 */
public final class EncryptedSecretStore implements SecretStore {
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final byte[] AAD_LABEL = "dropsync/secret/v1".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeyRing keys;
  private final CiphertextStore storage;
  private final SecureRandom random;

  private EncryptedSecretStore(Builder b) {
    if (b.keys == null) {
      throw new InvalidInputException("keyRing", null, "is required");
    }
    if (b.storage == null) {
      throw new InvalidInputException("storage", null, "is required");
    }
    this.keys = b.keys;
    this.storage = b.storage;
    this.random = b.random != null ? b.random : new SecureRandom();
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
   * Returns the key ring.
   *
   * @return the keys (ids only are printable)
   * @since 0.1.0
   */
  public SecretKeyRing keyRing() {
    return keys;
  }

  @Override
  public void put(TenantId tenant, SecretName name, Secret value) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    storage.put(tenant, name, seal(tenant, name, value));
  }

  @Override
  public Optional<Secret> get(TenantId tenant, SecretName name) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    Optional<SealedSecret> sealed = storage.get(tenant, name);
    return sealed.map(s -> open(tenant, name, s));
  }

  @Override
  public boolean delete(TenantId tenant, SecretName name) {
    return storage.delete(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(name, "name"));
  }

  @Override
  public List<SecretName> names(TenantId tenant) {
    return storage.names(Objects.requireNonNull(tenant, "tenant"));
  }

  /**
   * Re-encrypts the tenant's values that are not sealed with the primary key. Each value is
   * replaced by compare-and-set; one written meanwhile is left as it is (it already uses the
   * primary key). Call it for every tenant after adding a new primary key, then drop the old key.
   *
   * @param tenant the tenant
   * @return how many values were re-encrypted
   * @throws SecretDecryptionException if a value cannot be opened (e.g. its key was dropped)
   * @since 0.1.0
   */
  public int rotate(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    int rotated = 0;
    for (SecretName name : storage.names(tenant)) {
      Optional<SealedSecret> current = storage.get(tenant, name);
      if (current.isEmpty() || current.get().keyId().equals(keys.primaryKeyId())) {
        continue;
      }
      Secret value = open(tenant, name, current.get());
      try {
        if (storage.replace(tenant, name, current.get(), seal(tenant, name, value))) {
          rotated++;
        }
      } finally {
        value.destroy();
      }
    }
    return rotated;
  }

  private SealedSecret seal(TenantId tenant, SecretName name, Secret value) {
    String keyId = keys.primaryKeyId();
    byte[] nonce = new byte[SealedSecret.NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] plain = value.utf8();
    try {
      Cipher c = Cipher.getInstance(TRANSFORMATION);
      c.init(Cipher.ENCRYPT_MODE, keys.primaryKey(), new GCMParameterSpec(SealedSecret.TAG_BYTES * 8, nonce));
      c.updateAAD(aad(tenant, name, keyId));
      return new SealedSecret(keyId, nonce, c.doFinal(plain));
    } catch (GeneralSecurityException e) {
      throw new AutomationException("AES-GCM encryption unavailable: " + e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private Secret open(TenantId tenant, SecretName name, SealedSecret sealed) {
    Optional<SecretKey> key = keys.key(sealed.keyId());
    if (key.isEmpty()) {
      throw new SecretDecryptionException(tenant, name, "key id \"" + sealed.keyId() + "\" is not in the key ring");
    }
    byte @Nullable [] plain = null;
    try {
      Cipher c = Cipher.getInstance(TRANSFORMATION);
      c.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(SealedSecret.TAG_BYTES * 8, sealed.nonce()));
      c.updateAAD(aad(tenant, name, sealed.keyId()));
      plain = c.doFinal(sealed.ciphertext());
      return Secret.fromUtf8(plain);
    } catch (AEADBadTagException e) {
      throw new SecretDecryptionException(tenant, name, "authentication failed with key \"" + sealed.keyId()
          + "\" (wrong key, tampered ciphertext, or a ciphertext of another tenant or name)");
    } catch (GeneralSecurityException e) {
      throw new SecretDecryptionException(tenant, name, "decryption failed: " + e.getClass().getSimpleName());
    } catch (InvalidInputException e) {
      throw new SecretDecryptionException(tenant, name, "the decrypted value is blank");
    } finally {
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  /** Unambiguous encoding: label, then length-prefixed tenant, name and key id. */
  static byte[] aad(TenantId tenant, SecretName name, String keyId) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(AAD_LABEL);
      for (String part : new String[] {tenant.value(), name.value(), keyId}) {
        byte[] b = part.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Lists the key ring (ids only) and the storage class.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "EncryptedSecretStore[" + keys + ", storage=" + storage.getClass().getSimpleName() + "]";
  }

  /**
   * Builds an {@link EncryptedSecretStore}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable SecretKeyRing keys;
    private @Nullable CiphertextStore storage;
    private @Nullable SecureRandom random;

    private Builder() {}

    /**
     * Sets the keys (required).
     *
     * @param keys the key ring
     * @return this
     * @since 0.1.0
     */
    public Builder keyRing(SecretKeyRing keys) {
      this.keys = Objects.requireNonNull(keys, "keyRing");
      return this;
    }

    /**
     * Sets where ciphertext is kept (required), e.g. {@link
     * dev.dropsync.automation.spi.InMemoryCiphertextStore} or a JDBC implementation.
     *
     * @param storage the raw storage
     * @return this
     * @since 0.1.0
     */
    public Builder storage(CiphertextStore storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /**
     * Sets the nonce source (default a new {@link SecureRandom}).
     *
     * @param random a cryptographically strong random
     * @return this
     * @since 0.1.0
     */
    public Builder secureRandom(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "secureRandom");
      return this;
    }

    /**
     * Builds the store.
     *
     * @return the store
     * @throws InvalidInputException if the key ring or the storage is missing
     * @since 0.1.0
     */
    public EncryptedSecretStore build() {
      return new EncryptedSecretStore(this);
    }
  }
}

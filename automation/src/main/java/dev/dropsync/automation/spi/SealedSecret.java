package dev.dropsync.automation.spi;

import dev.dropsync.inventory.InvalidInputException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One encrypted secret as a {@link CiphertextStore} keeps it: which key sealed it, the 96-bit GCM
 * nonce and the ciphertext with its 128-bit authentication tag. Safe to store in a plain database
 * row (e.g. {@code key_id text, nonce bytea, ciphertext bytea}); it reveals nothing without the key.
 * The tenant and the secret's name are authenticated with it (GCM additional data), so a row copied
 * to another tenant or name fails to decrypt.
 *
 * <p>Immutable; the accessors return copies. {@code equals} compares every byte.
 *
 * @since 0.1.0
 */
public final class SealedSecret {
  /** Nonce length in bytes (96 bits). */
  public static final int NONCE_BYTES = 12;
  /** GCM tag length in bytes (128 bits), included at the end of the ciphertext. */
  public static final int TAG_BYTES = 16;

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String keyId;
  private final byte[] nonce;
  private final byte[] ciphertext;

  /**
   * Creates a sealed secret (copies the arrays).
   *
   * @param keyId the id of the key in the key ring that sealed it
   * @param nonce the {@value #NONCE_BYTES}-byte nonce
   * @param ciphertext the ciphertext including the tag, at least {@value #TAG_BYTES} bytes
   * @throws InvalidInputException if a component is missing or has the wrong length
   * @since 0.1.0
   */
  public SealedSecret(@Nullable String keyId, byte @Nullable [] nonce, byte @Nullable [] ciphertext) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new InvalidInputException("keyId", keyId, "must be 1-64 letters, digits, '.', '_' or '-'");
    }
    if (nonce == null || nonce.length != NONCE_BYTES) {
      throw new InvalidInputException("nonce", nonce == null ? null : nonce.length + " bytes",
          "must be " + NONCE_BYTES + " bytes");
    }
    if (ciphertext == null || ciphertext.length < TAG_BYTES) {
      throw new InvalidInputException("ciphertext", ciphertext == null ? null : ciphertext.length + " bytes",
          "must be at least " + TAG_BYTES + " bytes (the GCM tag)");
    }
    this.keyId = keyId;
    this.nonce = nonce.clone();
    this.ciphertext = ciphertext.clone();
  }

  /**
   * Returns the id of the key that sealed this secret.
   *
   * @return the key id
   * @since 0.1.0
   */
  public String keyId() {
    return keyId;
  }

  /**
   * Returns a copy of the nonce.
   *
   * @return the nonce
   * @since 0.1.0
   */
  public byte[] nonce() {
    return nonce.clone();
  }

  /**
   * Returns a copy of the ciphertext (with the tag at the end).
   *
   * @return the ciphertext
   * @since 0.1.0
   */
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SealedSecret)) {
      return false;
    }
    SealedSecret s = (SealedSecret) o;
    return keyId.equals(s.keyId) && Arrays.equals(nonce, s.nonce) && Arrays.equals(ciphertext, s.ciphertext);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
  }

  /**
   * Returns the key id and the lengths only.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "SealedSecret[keyId=" + keyId + ", " + ciphertext.length + "-byte ciphertext]";
  }
}

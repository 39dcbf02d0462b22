package dev.dropsync.automation;

import dev.dropsync.inventory.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.jspecify.annotations.Nullable;

/**
 * A secret value (an API key, a webhook signing key) held as a {@code char[]} so it can be wiped,
 * and never printed: {@link #toString()} is redacted, and no exception of this module carries the
 * value. Read it only where it is needed, with {@link #reveal()} or {@link #chars()}.
 *
 * <p>{@code equals} is identity; compare values in constant time with {@link #sameValue}. Thread-safe
 * for reading; {@link #destroy()} wipes the value (later reads throw {@link IllegalStateException}).
 *
 * @since 0.1.0
 */
public final class Secret implements Destroyable {
  private final char[] value;
  private volatile boolean destroyed;

  private Secret(char[] value) {
    this.value = value;
  }

  /**
   * Returns a secret holding {@code value}.
   *
   * @param value the value, not blank
   * @return the secret
   * @throws InvalidInputException if the value is null or blank (the message gives only its length)
   * @since 0.1.0
   */
  public static Secret of(@Nullable String value) {
    if (value == null) {
      throw new InvalidInputException("secret", null, "must be set");
    }
    return of(value.toCharArray(), true);
  }

  /**
   * Returns a secret holding a copy of {@code value}; the caller may wipe its array afterwards.
   *
   * @param value the value, not blank
   * @return the secret
   * @throws InvalidInputException if the value is null or blank (the message gives only its length)
   * @since 0.1.0
   */
  public static Secret of(char @Nullable [] value) {
    if (value == null) {
      throw new InvalidInputException("secret", null, "must be set");
    }
    return of(value.clone(), true);
  }

  private static Secret of(char[] owned, boolean check) {
    if (check) {
      boolean blank = true;
      for (char c : owned) {
        if (!Character.isWhitespace(c)) {
          blank = false;
          break;
        }
      }
      if (blank) {
        int n = owned.length;
        Arrays.fill(owned, '\0');
        throw new InvalidInputException("secret", "(" + n + " blank characters)", "must not be blank");
      }
    }
    return new Secret(owned);
  }

  /**
   * Decodes UTF-8 bytes into a secret without creating a {@code String}; for secret stores.
   *
   * @param utf8 the encoded value (not wiped by this method)
   * @return the secret
   * @throws InvalidInputException if the decoded value is blank
   * @since 0.1.0
   */
  public static Secret fromUtf8(byte[] utf8) {
    CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
    char[] chars = new char[cb.remaining()];
    cb.get(chars);
    if (cb.hasArray()) {
      Arrays.fill(cb.array(), '\0');
    }
    return of(chars, true);
  }

  /**
   * Returns the value as a string (for APIs that only take strings, e.g. {@code
   * CjClient.Builder#apiKey}). Prefer {@link #chars()} where possible.
   *
   * @return the value
   * @throws IllegalStateException if destroyed
   * @since 0.1.0
   */
  public String reveal() {
    return new String(live());
  }

  /**
   * Returns a copy of the value; wipe it when done.
   *
   * @return the characters
   * @throws IllegalStateException if destroyed
   * @since 0.1.0
   */
  public char[] chars() {
    return live().clone();
  }

  /**
   * Returns the value encoded as UTF-8; wipe it when done.
   *
   * @return the bytes
   * @throws IllegalStateException if destroyed
   * @since 0.1.0
   */
  public byte[] utf8() {
    ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(live()));
    byte[] out = new byte[bb.remaining()];
    bb.get(out);
    if (bb.hasArray()) {
      Arrays.fill(bb.array(), (byte) 0);
    }
    return out;
  }

  /**
   * Returns the number of characters.
   *
   * @return the length
   * @throws IllegalStateException if destroyed
   * @since 0.1.0
   */
  public int length() {
    return live().length;
  }

  /**
   * Compares values in constant time (for equal lengths).
   *
   * @param other the other secret
   * @return true if both hold the same characters
   * @throws IllegalStateException if either is destroyed
   * @since 0.1.0
   */
  public boolean sameValue(Secret other) {
    byte[] a = utf8();
    byte[] b = other.utf8();
    try {
      return MessageDigest.isEqual(a, b);
    } finally {
      Arrays.fill(a, (byte) 0);
      Arrays.fill(b, (byte) 0);
    }
  }

  /**
   * Wipes the value. Idempotent.
   *
   * @since 0.1.0
   */
  @Override
  public void destroy() {
    synchronized (value) {
      Arrays.fill(value, '\0');
      destroyed = true;
    }
  }

  /**
   * Returns whether {@link #destroy()} was called.
   *
   * @return true once destroyed
   * @since 0.1.0
   */
  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private char[] live() {
    if (destroyed) {
      throw new IllegalStateException("secret was destroyed");
    }
    return value;
  }

  /**
   * Returns {@code Secret[redacted]}; never the value.
   *
   * @return the redacted form
   */
  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}

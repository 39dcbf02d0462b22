package dev.dropsync.automation;

import dev.dropsync.inventory.InvalidInputException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The name of one of a tenant's secrets, e.g. {@link #CJ_API_KEY}. Letters, digits, {@code .},
 * {@code _} and {@code -}, starting with a letter or digit, at most 128 characters. Immutable.
 *
 * @param value the name
 * @since 0.1.0
 */
public record SecretName(String value) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  /** The tenant's CJ API key, used to build its {@link dev.dropsync.cj.CjClient}. */
  public static final SecretName CJ_API_KEY = new SecretName("cj.apiKey");

  /**
   * The tenant's CJ openId: the key of the HMAC that signs CJ's webhook deliveries to it (CJ has no
   * separate webhook secret).
   */
  public static final SecretName CJ_OPEN_ID = new SecretName("cj.openId");

  /**
   * Validates the name.
   *
   * @throws InvalidInputException if it is null or does not match the allowed form
   *
   * @param value see the record component
   */
  public SecretName {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new InvalidInputException("secretName", value,
          "must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }

  /**
   * Returns the name {@code value}.
   *
   * @param value the name
   * @return the secret name
   * @throws InvalidInputException if the name is malformed
   * @since 0.1.0
   */
  public static SecretName of(@Nullable String value) {
    return new SecretName(value == null ? "" : value);
  }

  @Override
  public String toString() {
    return value;
  }
}

package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How to reach the customer for notifications.
 *
 * @param name customer's name, not blank
 * @param email a syntactically valid e-mail address (normalised: trimmed, domain lower-cased)
 * @param locale preferred language for messages; defaults to {@link Locale#ENGLISH}
 * @since 0.1.0
 */
public record CustomerContact(String name, String email, Locale locale) {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  /** Validates. @throws InvalidInputException naming {@code customer.name} or {@code customer.email} */
  public CustomerContact {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("customer.name", name, "is required");
    }
    name = name.trim();
    if (email == null || !EMAIL.matcher(email.trim()).matches() || email.trim().length() > 254) {
      throw new InvalidInputException("customer.email", email, "must be an e-mail address");
    }
    String e = email.trim();
    int at = e.lastIndexOf('@');
    email = e.substring(0, at) + e.substring(at).toLowerCase(Locale.ROOT);
    if (locale == null) {
      locale = Locale.ENGLISH;
    }
  }

  /** A contact with the default locale. @throws InvalidInputException on a bad name or e-mail */
  public static CustomerContact of(String name, String email) {
    return new CustomerContact(name, email, Locale.ENGLISH);
  }

  /** A contact with {@code locale}. @throws InvalidInputException on a bad name or e-mail */
  public static CustomerContact of(String name, String email, @Nullable Locale locale) {
    return new CustomerContact(name, email, locale == null ? Locale.ENGLISH : locale);
  }
}

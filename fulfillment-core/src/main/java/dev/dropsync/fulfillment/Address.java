package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A validated shipping address. Build with {@link #builder()}; the compact constructor validates,
 * so every {@code Address} that exists is valid:
 *
 * <ul>
 *   <li>{@code name}, {@code line1}, {@code city} are required (not blank, at most 200 characters);
 *   <li>{@code country} is an ISO 3166-1 alpha-2 code (normalised to upper case);
 *   <li>{@code zip} is required except for countries without postal codes (e.g. HK, AE, IE is
 *       required), at most 16 characters of letters, digits, space and dash;
 *   <li>{@code phone} is required: an optional leading {@code +} and 7 to 15 digits, spaces,
 *       dashes, dots and parentheses allowed between them.
 * </ul>
 *
 * @param name recipient's full name
 * @param line1 street and number
 * @param line2 apartment, suite; optional
 * @param city city or town
 * @param province state or province; optional
 * @param zip postal code; may be null only where the country has none
 * @param country ISO 3166-1 alpha-2 code
 * @param phone recipient's phone number (suppliers require one)
 * @since 0.1.0
 */
public record Address(
    String name,
    String line1,
    @Nullable String line2,
    String city,
    @Nullable String province,
    @Nullable String zip,
    String country,
    String phone) {

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
  /** Countries and territories that use no postal codes. */
  private static final Set<String> NO_POSTCODE = Set.of(
      "AE", "AG", "AO", "AW", "BF", "BI", "BJ", "BO", "BS", "BW", "BZ", "CD", "CF", "CG", "CI", "CK",
      "CM", "DJ", "DM", "ER", "FJ", "GA", "GD", "GH", "GM", "GQ", "GY", "HK", "KI", "KM", "KN", "KP",
      "LC", "ML", "MO", "MR", "MW", "NR", "NU", "QA", "RW", "SB", "SC", "SL", "SR", "ST", "SY", "TD",
      "TG", "TK", "TL", "TO", "TT", "TV", "UG", "VU", "YE", "ZW");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]+");
  private static final Pattern ZIP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 \\-]{0,15}");

  /**
   * Validates and normalises (trims, upper-cases the country).
   *
   * @throws InvalidInputException naming the field ({@code address.zip}, ...) and the value
   */
  public Address {
    name = required("address.name", name);
    line1 = required("address.line1", line1);
    line2 = optional("address.line2", line2);
    city = required("address.city", city);
    province = optional("address.province", province);
    if (country == null || country.isBlank()) {
      throw new InvalidInputException("address.country", country, "is required");
    }
    country = country.trim().toUpperCase(Locale.ROOT);
    if (country.length() != 2 || !ISO_COUNTRIES.contains(country)) {
      throw new InvalidInputException("address.country", country, "must be an ISO 3166-1 alpha-2 code");
    }
    zip = optional("address.zip", zip);
    if (zip == null) {
      if (!NO_POSTCODE.contains(country)) {
        throw new InvalidInputException("address.zip", null, "is required for country " + country);
      }
    } else if (!ZIP.matcher(zip).matches()) {
      throw new InvalidInputException("address.zip", zip, "must be 1-16 letters, digits, spaces or dashes");
    }
    if (phone == null || phone.isBlank()) {
      throw new InvalidInputException("address.phone", phone, "is required");
    }
    phone = phone.trim();
    long digits = phone.chars().filter(Character::isDigit).count();
    if (!PHONE.matcher(phone).matches() || digits < 7 || digits > 15 || phone.indexOf('+', 1) >= 0) {
      throw new InvalidInputException("address.phone", phone, "must be 7-15 digits with an optional leading +");
    }
  }

  private static String required(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, value, "is required");
    }
    String v = value.trim();
    if (v.length() > 200) {
      throw new InvalidInputException(field, v, "must be at most 200 characters");
    }
    return v;
  }

  private static @Nullable String optional(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return required(field, value);
  }

  /** A new builder. Not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an {@link Address}; {@link #build()} validates.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String line1;
    private @Nullable String line2;
    private @Nullable String city;
    private @Nullable String province;
    private @Nullable String zip;
    private @Nullable String country;
    private @Nullable String phone;

    private Builder() {}

    /** Recipient name (required). */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Street line (required). */
    public Builder line1(String line1) {
      this.line1 = line1;
      return this;
    }

    /** Second street line (optional). */
    public Builder line2(@Nullable String line2) {
      this.line2 = line2;
      return this;
    }

    /** City (required). */
    public Builder city(String city) {
      this.city = city;
      return this;
    }

    /** State or province (optional). */
    public Builder province(@Nullable String province) {
      this.province = province;
      return this;
    }

    /** Postal code (required unless the country has none). */
    public Builder zip(@Nullable String zip) {
      this.zip = zip;
      return this;
    }

    /** ISO 3166-1 alpha-2 country code (required). */
    public Builder country(String country) {
      this.country = country;
      return this;
    }

    /** Phone number (required). */
    public Builder phone(String phone) {
      this.phone = phone;
      return this;
    }

    /** The validated address. @throws InvalidInputException naming the first bad field */
    @SuppressWarnings("NullAway") // the compact constructor rejects nulls with a typed exception
    public Address build() {
      return new Address(name, line1, line2, city, province, zip, country, phone);
    }
  }
}

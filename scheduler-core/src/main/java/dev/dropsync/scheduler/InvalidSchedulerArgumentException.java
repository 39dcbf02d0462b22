package dev.dropsync.scheduler;

import org.jspecify.annotations.Nullable;

/**
 * A configuration value or request field was out of range, for example a negative {@code
 * maxRetries} or a zero interval. The message names the field and the rejected value; nothing was
 * applied.
 *
 * @since 0.1.0
 */
public class InvalidSchedulerArgumentException extends SchedulerException {
  private static final long serialVersionUID = 1L;

  /** The {@code field} value. */
  private final String field;
  /** The {@code value} value. */
  private final @Nullable String value;

  /**
   * Creates the exception.
   *
   * @param field the name of the rejected field, e.g. {@code "maxRetries"}
   * @param value the rejected value (rendered with {@code String.valueOf})
   * @param reason what was expected, e.g. {@code "must be >= 0"}
   * @since 0.1.0
   */
  public InvalidSchedulerArgumentException(String field, @Nullable Object value, String reason) {
    super(field + " " + reason + " but was " + value);
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
  }

  /**
   * Creates the exception with a complete message (for subclasses).
   *
   * @param field the rejected field's name
   * @param value the rejected value
   * @param message the full message, which must name the field and the value
   * @param fullMessage marker: always true
   * @since 0.1.0
   */
  protected InvalidSchedulerArgumentException(
      String field, @Nullable String value, String message, boolean fullMessage) {
    super(message);
    this.field = field;
    this.value = value;
  }

  /**
   * Returns the rejected field's name.
   *
   * @return the field name
   * @since 0.1.0
   */
  public String field() {
    return field;
  }

  /**
   * Returns the rejected value as a string, or null when it was null.
   *
   * @return the rejected value
   * @since 0.1.0
   */
  public @Nullable String value() {
    return value;
  }

  static int requireAtLeast(String field, int value, int min) {
    if (value < min) {
      throw new InvalidSchedulerArgumentException(field, value, "must be >= " + min);
    }
    return value;
  }

  static java.time.Duration requirePositive(String field, java.time.@Nullable Duration value) {
    if (value == null) {
      throw new InvalidSchedulerArgumentException(field, null, "must be set");
    }
    if (value.isZero() || value.isNegative()) {
      throw new InvalidSchedulerArgumentException(field, value, "must be positive");
    }
    return value;
  }

  static String requireNonBlank(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidSchedulerArgumentException(field, value, "must not be blank");
    }
    return value;
  }

  static <T> T requireNonNull(String field, @Nullable T value) {
    if (value == null) {
      throw new InvalidSchedulerArgumentException(field, null, "must be set");
    }
    return value;
  }
}

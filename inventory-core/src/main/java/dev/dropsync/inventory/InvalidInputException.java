package dev.dropsync.inventory;

import org.jspecify.annotations.Nullable;

/**
 * An argument was rejected before anything was changed. Names the field and the rejected value.
 *
 * @since 0.1.0
 */
public class InvalidInputException extends InventoryException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final @Nullable String value;

  /**
   * @param field the argument or field name, e.g. {@code "quantity"}
   * @param value the rejected value as text (never a secret)
   * @param reason why it was rejected, e.g. {@code "must be >= 1"}
   */
  public InvalidInputException(String field, @Nullable Object value, String reason) {
    super(field + " " + reason + " but was " + (value == null ? "null" : "\"" + value + "\""));
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
  }

  /** The rejected field or argument name. */
  public String field() {
    return field;
  }

  /** The rejected value as text, or null if it was null. */
  public @Nullable String value() {
    return value;
  }
}

package dev.dropsync.cj.supplier;

import org.jspecify.annotations.Nullable;

/**
 * CJ answered with data the supplier SPIs cannot represent, e.g. a product with no variant that
 * has a price. Names the CJ field and the value CJ sent. Retrying does not help until CJ's data
 * changes.
 *
 * @since 0.1.0
 */
public final class CjSupplierDataException extends CjSupplierException {
  private static final long serialVersionUID = 1L;

  /** Serialized state. */
  private final String field;
  /** Serialized state. */
  private final @Nullable String value;

  /**
   * Creates the exception.
   *
   * @param field the CJ field, e.g. {@code "variants"}
   * @param value the value CJ sent, as text, or {@code null} when missing
   * @param reason what is wrong, e.g. {@code "has no variant with a price (product \"P1\")"}
   * @since 0.1.0
   */
  public CjSupplierDataException(String field, @Nullable Object value, String reason) {
    super("CJ " + field + " " + reason + " but was " + (value == null ? "null" : "\"" + value + "\""));
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
  }

  /**
   * The CJ field that is unusable.
   *
   * @return the field name
   * @since 0.1.0
   */
  public String field() {
    return field;
  }

  /**
   * The value CJ sent.
   *
   * @return the value as text, or {@code null} when CJ sent none
   * @since 0.1.0
   */
  public @Nullable String value() {
    return value;
  }
}

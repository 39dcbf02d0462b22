package dev.dropsync.scheduler;

/**
 * A cron expression could not be parsed. Carries the expression, the 0-based index of the field
 * that failed (or -1 when the whole expression is wrong, e.g. the field count), the field's name,
 * the 0-based character offset of the offending token in the expression, and the reason.
 *
 * <p>Example message: {@code invalid cron expression "0 0 32 * *": day-of-month value 32 is out of
 * range 1-31 (field 2 day-of-month, offset 4)}.
 *
 * @since 0.1.0
 */
public class InvalidCronExpressionException extends InvalidSchedulerArgumentException {
  private static final long serialVersionUID = 1L;

  /** The {@code expression} value. */
  private final String expression;
  /** The {@code fieldIndex} value. */
  private final int fieldIndex;
  /** The {@code fieldName} value. */
  private final String fieldName;
  /** The {@code offset} value. */
  private final int offset;
  /** The {@code reason} value. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param expression the rejected expression
   * @param fieldIndex 0-based index of the failing field as written, or -1 for the whole expression
   * @param fieldName the failing field's name ({@code "expression"} for the whole expression)
   * @param offset 0-based character offset of the offending token in {@code expression}
   * @param reason why it was rejected
   * @since 0.1.0
   */
  public InvalidCronExpressionException(
      String expression, int fieldIndex, String fieldName, int offset, String reason) {
    super(
        "cron",
        expression,
        "invalid cron expression \""
            + expression
            + "\": "
            + reason
            + " (field "
            + fieldIndex
            + " "
            + fieldName
            + ", offset "
            + offset
            + ")",
        true);
    this.expression = expression;
    this.fieldIndex = fieldIndex;
    this.fieldName = fieldName;
    this.offset = offset;
    this.reason = reason;
  }

  /**
   * Returns the rejected expression.
   *
   * @return the expression as given
   * @since 0.1.0
   */
  public String expression() {
    return expression;
  }

  /**
   * Returns the 0-based index of the failing field as written, or -1 for the whole expression.
   *
   * @return the field index
   * @since 0.1.0
   */
  public int fieldIndex() {
    return fieldIndex;
  }

  /**
   * Returns the failing field's name, e.g. {@code "day-of-month"}.
   *
   * @return the field name
   * @since 0.1.0
   */
  public String fieldName() {
    return fieldName;
  }

  /**
   * Returns the 0-based character offset of the offending token in the expression.
   *
   * @return the offset
   * @since 0.1.0
   */
  public int offset() {
    return offset;
  }

  /**
   * Returns the reason without the position.
   *
   * @return the reason
   * @since 0.1.0
   */
  public String reason() {
    return reason;
  }
}

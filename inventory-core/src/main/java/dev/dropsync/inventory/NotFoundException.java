package dev.dropsync.inventory;

/**
 * A tenant, product, variant or reservation does not exist (for the calling tenant).
 *
 * @since 0.1.0
 */
public class NotFoundException extends InventoryException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;

  /** @param field what was looked up, e.g. {@code "variantId"} @param value the id looked up */
  public NotFoundException(String field, String value) {
    super("unknown " + field + " \"" + value + "\"");
    this.field = field;
    this.value = value;
  }

  /** What was looked up, e.g. {@code "variantId"}. */
  public String field() {
    return field;
  }

  /** The id that was not found. */
  public String value() {
    return value;
  }
}

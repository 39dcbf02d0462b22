package dev.dropsync.inventory;

/**
 * Root of every exception the inventory engine throws. Unchecked; messages name the field and the
 * offending value.
 *
 * @since 0.1.0
 */
public class InventoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public InventoryException(String message) {
    super(message);
  }

  /** An exception with {@code message} and {@code cause}. */
  public InventoryException(String message, Throwable cause) {
    super(message, cause);
  }
}

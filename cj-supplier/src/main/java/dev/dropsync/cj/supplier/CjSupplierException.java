package dev.dropsync.cj.supplier;

/**
 * Root of the exceptions the CJ supplier adapter throws itself (CJ's own errors arrive as
 * cj-client's {@link dev.dropsync.cj.CjException}; bad arguments as inventory-core's {@link
 * dev.dropsync.inventory.InvalidInputException}). Unchecked; messages name the field and the
 * value and never contain secrets.
 *
 * @since 0.1.0
 */
public class CjSupplierException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, naming the field and the value
   */
  protected CjSupplierException(String message) {
    super(message);
  }
}

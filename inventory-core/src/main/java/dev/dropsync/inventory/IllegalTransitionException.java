package dev.dropsync.inventory;

/**
 * A product status change that the lifecycle does not allow (see {@link ProductStatus}). Nothing
 * was changed.
 *
 * @since 0.1.0
 */
public class IllegalTransitionException extends InventoryException {
  private static final long serialVersionUID = 1L;

  private final ProductId product;
  private final ProductStatus from;
  private final ProductStatus to;

  /** @param product the product @param from its current status @param to the refused target */
  public IllegalTransitionException(ProductId product, ProductStatus from, ProductStatus to) {
    super("product \"" + product.value() + "\" cannot move from " + from + " to " + to);
    this.product = product;
    this.from = from;
    this.to = to;
  }

  /** The product. */
  public ProductId product() {
    return product;
  }

  /** Its status when the change was refused. */
  public ProductStatus from() {
    return from;
  }

  /** The refused target status. */
  public ProductStatus to() {
    return to;
  }
}

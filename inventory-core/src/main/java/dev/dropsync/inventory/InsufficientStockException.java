package dev.dropsync.inventory;

/**
 * A reservation asked for more than is available ({@code onHand - reserved}). Nothing was reserved.
 *
 * @since 0.1.0
 */
public class InsufficientStockException extends InventoryException {
  private static final long serialVersionUID = 1L;

  private final VariantId variant;
  private final long requested;
  private final long available;

  /** @param variant the variant short of stock @param requested quantity asked @param available quantity free */
  public InsufficientStockException(VariantId variant, long requested, long available) {
    super("insufficient stock for variant \"" + variant.value() + "\": requested " + requested
        + " but only " + available + " available");
    this.variant = variant;
    this.requested = requested;
    this.available = available;
  }

  /** The variant that is short. */
  public VariantId variant() {
    return variant;
  }

  /** The quantity that was asked for. */
  public long requested() {
    return requested;
  }

  /** The quantity that was available when the reservation was refused. */
  public long available() {
    return available;
  }
}

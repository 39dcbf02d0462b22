package dev.dropsync.cj.supplier;

import org.jspecify.annotations.Nullable;

/**
 * CJ reported an {@code orderStatus} this adapter does not know how to map to {@link
 * dev.dropsync.fulfillment.SupplierOrderStatus} (CJ changes its docs silently). The raw value is
 * kept so it can be logged and a mapping added; the order's state is left as it was.
 *
 * @since 0.1.0
 */
public final class CjUnknownOrderStatusException extends CjSupplierException {
  private static final long serialVersionUID = 1L;

  /** Serialized state. */
  private final @Nullable String rawStatus;
  /** Serialized state. */
  private final @Nullable String reference;

  /**
   * Creates the exception.
   *
   * @param rawStatus the {@code orderStatus} text CJ sent, or {@code null} when it sent none
   * @param subStatus CJ's {@code subStatus}, or {@code null}
   * @param reference our reference (CJ order number), or {@code null} when not known
   * @since 0.1.0
   */
  public CjUnknownOrderStatusException(@Nullable String rawStatus, @Nullable String subStatus, @Nullable String reference) {
    super("CJ orderStatus is unknown but was " + (rawStatus == null ? "null" : "\"" + rawStatus + "\"")
        + (subStatus == null ? "" : " (subStatus \"" + subStatus + "\")")
        + (reference == null ? "" : " for order number \"" + reference + "\""));
    this.rawStatus = rawStatus;
    this.reference = reference;
  }

  /**
   * The status text CJ sent.
   *
   * @return the raw {@code orderStatus}, or {@code null} when CJ sent none
   * @since 0.1.0
   */
  public @Nullable String rawStatus() {
    return rawStatus;
  }

  /**
   * The order the status belongs to.
   *
   * @return our reference (CJ order number), or {@code null}
   * @since 0.1.0
   */
  public @Nullable String reference() {
    return reference;
  }
}

package dev.dropsync.fulfillment;

/**
 * Where a supplier order stands (domain.md §4). Allowed moves are the data in {@link
 * SupplierOrderLifecycle}.
 *
 * @since 0.1.0
 */
public enum SupplierOrderStatus {
  /** Intent stored with its deterministic reference; nothing sent yet. */
  OPEN,
  /** Sent (or about to be); outcome unknown until the supplier answers or a lookup finds it. */
  SUBMITTING,
  /** The supplier created it. */
  SUBMITTED,
  /** The supplier refused it. Terminal. */
  REJECTED,
  /** Paid at the supplier. */
  ACCEPTED,
  /** Being picked and packed. */
  IN_PROGRESS,
  /** Left the warehouse; tracking known. */
  SHIPPED,
  /** Delivered. Terminal. */
  DELIVERED,
  /** We asked the supplier to cancel; waiting for its answer. */
  CANCELLATION_REQUESTED,
  /** Cancelled (or withdrawn before it was ever sent). Terminal. */
  CANCELLED,
  /** The supplier could not complete it (lost, partially shipped). */
  INCOMPLETE;

  /** True once the supplier holds the order (SUBMITTED and later, excluding REJECTED/CANCELLED). */
  public boolean isPlaced() {
    return switch (this) {
      case SUBMITTED, ACCEPTED, IN_PROGRESS, SHIPPED, DELIVERED, CANCELLATION_REQUESTED, INCOMPLETE -> true;
      default -> false;
    };
  }

  /** True for SHIPPED and DELIVERED. */
  public boolean isShipped() {
    return this == SHIPPED || this == DELIVERED;
  }

  /** True for REJECTED, CANCELLED and DELIVERED. */
  public boolean isTerminal() {
    return this == REJECTED || this == CANCELLED || this == DELIVERED;
  }
}

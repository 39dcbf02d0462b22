package dev.dropsync.fulfillment.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The definite answer of {@link SupplierOrders#place}: created (with the supplier's id) or
 * rejected (a validation error the supplier will always give). An unknown outcome (timeout, 5xx,
 * I/O error) is not a result: the implementation throws.
 *
 * @param supplierOrderId the supplier's id when created; null when rejected
 * @param rejectionReason why it was rejected; null when created
 * @since 0.1.0
 */
public record PlacementResult(@Nullable String supplierOrderId, @Nullable String rejectionReason) {
  /** Exactly one of the two is set. */
  public PlacementResult {
    if ((supplierOrderId == null) == (rejectionReason == null)) {
      throw new IllegalArgumentException("exactly one of supplierOrderId and rejectionReason must be set");
    }
  }

  /** Created with {@code supplierOrderId}. */
  public static PlacementResult created(String supplierOrderId) {
    return new PlacementResult(Objects.requireNonNull(supplierOrderId, "supplierOrderId"), null);
  }

  /** Rejected for {@code reason}. */
  public static PlacementResult rejected(String reason) {
    return new PlacementResult(null, Objects.requireNonNull(reason, "reason"));
  }

  /** True if created. */
  public boolean isCreated() {
    return supplierOrderId != null;
  }
}

package dev.dropsync.fulfillment.spi;

import dev.dropsync.inventory.TenantId;
import java.util.Optional;

/**
 * Places and follows orders at suppliers (e.g. CJ through cj-client). The engine guarantees it
 * calls {@link #place} for a reference only after storing SUBMITTING, and after an unknown outcome
 * always calls {@link #find} first; implementations must never retry {@code place} themselves.
 * Implementations are thread-safe. Contract: {@code SupplierOrdersContractTest} in the test-jar.
 *
 * @since 0.1.0
 */
public interface SupplierOrders {

  /**
   * Creates the order at the supplier with {@code request.reference()} as its order number.
   *
   * @return created (with the supplier's id) or a definite rejection
   * @throws RuntimeException any exception means "outcome unknown" (the engine looks the reference
   *     up before trying again)
   */
  PlacementResult place(SupplierOrderRequest request);

  /** The supplier's order with our {@code reference}, if it exists there. */
  Optional<SupplierOrderSnapshot> find(TenantId tenant, String supplierId, String reference);

  /**
   * The current state of a placed order (for polling).
   *
   * @throws dev.dropsync.inventory.NotFoundException if the supplier has no such order
   */
  SupplierOrderSnapshot status(TenantId tenant, String supplierId, String reference);

  /** Asks the supplier to cancel. Idempotent: asking again for a cancelled order answers ACCEPTED. */
  CancellationAnswer cancel(TenantId tenant, String supplierId, String reference);
}

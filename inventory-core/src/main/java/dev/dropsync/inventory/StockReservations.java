package dev.dropsync.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Holds stock for orders. This is the part of the inventory engine that fulfilment uses.
 *
 * <p>Every method is idempotent by {@code orderRef} and atomic: {@code available = onHand -
 * reserved} never goes below zero, all lines of a reservation are taken or none, a reservation is
 * committed at most once, and every change appends a stock-ledger entry. Implementations are
 * thread-safe.
 *
 * @since 0.1.0
 */
public interface StockReservations {

  /**
   * Reserves every line for {@code orderRef}, or nothing.
   *
   * <p>Calling it again with the same order reference and the same lines returns the existing
   * reservation unchanged (whatever its status); with different lines it throws {@link
   * ReservationConflictException}.
   *
   * @throws InsufficientStockException if any line asks for more than is available; nothing is reserved
   * @throws NotFoundException if a variant is unknown for the tenant
   * @throws InvalidInputException on a blank order reference or empty or duplicate-variant lines
   */
  Reservation reserve(TenantId tenant, String orderRef, List<ReservationLine> lines);

  /**
   * Gives the reserved stock back. A no-op if the reservation is already released or none exists.
   *
   * @throws ReservationConflictException if the reservation was already committed
   */
  void release(TenantId tenant, String orderRef);

  /**
   * Consumes the reservation: on hand and reserved drop together. A no-op if already committed.
   *
   * @throws NotFoundException if no reservation exists for {@code orderRef}
   * @throws ReservationConflictException if the reservation was released
   */
  void commit(TenantId tenant, String orderRef);

  /** The reservation held for {@code orderRef}, if any. */
  Optional<Reservation> findReservation(TenantId tenant, String orderRef);

  /**
   * Units available to reserve now ({@code onHand - reserved}, never negative).
   *
   * @throws NotFoundException if the variant is unknown for the tenant
   */
  long available(TenantId tenant, VariantId variant);
}

package dev.dropsync.inventory;

/**
 * A reservation was requested again for an order reference that already holds a reservation with
 * different lines, or a released reservation was committed (or a committed one released). The
 * existing reservation is left as it was.
 *
 * @since 0.1.0
 */
public class ReservationConflictException extends InventoryException {
  private static final long serialVersionUID = 1L;

  /** @param orderRef the order reference @param reason what conflicts */
  public ReservationConflictException(String orderRef, String reason) {
    super("reservation for orderRef \"" + orderRef + "\" " + reason);
  }
}

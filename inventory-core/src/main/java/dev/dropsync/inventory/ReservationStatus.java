package dev.dropsync.inventory;

/**
 * Where a reservation stands. ACTIVE holds stock; COMMITTED (consumed at fulfilment: on hand and
 * reserved drop together) and RELEASED (given back) are terminal.
 *
 * @since 0.1.0
 */
public enum ReservationStatus {
  /** Holds stock: counts in {@code reserved}. */
  ACTIVE,
  /** Consumed by fulfilment, exactly once. Terminal. */
  COMMITTED,
  /** Given back (cancel, expiry). Terminal. */
  RELEASED
}

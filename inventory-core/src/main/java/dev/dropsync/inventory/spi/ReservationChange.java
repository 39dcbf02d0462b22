package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.Reservation;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of a reservation call on {@link InventoryStore}.
 *
 * @param reservation the reservation after the call, or null if none exists (release of an unknown ref)
 * @param changes the stock changes made, one per line; empty for an idempotent repeat
 * @since 0.1.0
 */
public record ReservationChange(@Nullable Reservation reservation, List<StockChange> changes) {
  /** Copies the changes. */
  public ReservationChange {
    changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
  }
}

package dev.dropsync.fulfillment;

import java.util.List;
import java.util.Objects;

/**
 * The plan for one supplier order: the lines of one supplier, the chosen freight and the
 * deterministic reference {@code {orderId}-{group}} used as the supplier's idempotency key. Fixed
 * once stored on the order, so a resumed {@code processOrder} places exactly what was planned.
 *
 * @param group 1-based group number (suppliers ordered by id)
 * @param supplierId the supplier's key, e.g. {@code "cj"}
 * @param reference {@code {orderId}-{group}}
 * @param lines the lines, at least one
 * @param freight the chosen freight option
 * @since 0.1.0
 */
public record ShipmentGroup(int group, String supplierId, String reference, List<ShipmentLine> lines, FreightOption freight) {
  /** Copies the lines. */
  public ShipmentGroup {
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(freight, "freight");
    lines = List.copyOf(lines);
  }

  /** The reference of group {@code group} of {@code orderId}. */
  public static String referenceOf(OrderId orderId, int group) {
    return orderId.value() + "-" + group;
  }
}

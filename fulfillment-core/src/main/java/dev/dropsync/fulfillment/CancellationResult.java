package dev.dropsync.fulfillment;

import dev.dropsync.fulfillment.spi.CancellationAnswer;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link FulfillmentEngine#cancel} achieved.
 *
 * @param order the order after the attempt
 * @param answers per supplier-order reference, what happened to it (insertion order by group)
 * @param cancelled true if the order is now CANCELLED
 * @since 0.1.0
 */
public record CancellationResult(Order order, Map<String, CancellationAnswer> answers, boolean cancelled) {
  /** Copies the answers. */
  public CancellationResult {
    Objects.requireNonNull(order, "order");
    answers = Map.copyOf(answers);
  }
}

package dev.dropsync.cj.model;

import java.util.List;

/**
 * Outcome of {@code POST /webhook/product/subscribe}.
 *
 * @param successProductIds ids now subscribed
 * @param failProductIds ids CJ refused
 * @since 0.1.0
 */
public record SubscribeResult(List<String> successProductIds, List<String> failProductIds) {
  /**
   * Copies lists immutably.
   *
   * @param successProductIds see the record component
   * @param failProductIds see the record component
   */
  public SubscribeResult {
    successProductIds = List.copyOf(successProductIds);
    failProductIds = List.copyOf(failProductIds);
  }
}

package dev.dropsync.cj.supplier;

import dev.dropsync.cj.model.WebhookMessage;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.SupplierUpdate;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.inventory.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Maps CJ's order statuses to fulfillment-core's {@link SupplierOrderStatus}, for polls
 * ({@link CjSupplierOrders#status}) and for CJ ORDER webhooks ({@link #toUpdate}). Stateless and
 * thread-safe.
 *
 * <table>
 *   <caption>CJ {@code orderStatus} → {@code SupplierOrderStatus}</caption>
 *   <tr><th>CJ</th><th>meaning at CJ</th><th>mapped to</th></tr>
 *   <tr><td>{@code CREATED}</td><td>accepted, not confirmed (payType 3)</td><td>SUBMITTED</td></tr>
 *   <tr><td>{@code IN_CART}</td><td>in the CJ cart</td><td>SUBMITTED</td></tr>
 *   <tr><td>{@code UNPAID}</td><td>confirmed, not paid (e.g. balance short)</td><td>SUBMITTED</td></tr>
 *   <tr><td>{@code UNSHIPPED}, subStatus {@code PENDING} or none</td><td>paid, awaiting dispatch</td><td>ACCEPTED</td></tr>
 *   <tr><td>{@code UNSHIPPED}, subStatus {@code PROCESSING}</td><td>paid, being processed</td><td>IN_PROGRESS</td></tr>
 *   <tr><td>{@code PENDING} / {@code PROCESSING}</td><td>what getOrderDetailBatch sent as the status until 2026-08</td><td>ACCEPTED / IN_PROGRESS</td></tr>
 *   <tr><td>{@code SHIPPED}</td><td>out of the warehouse, tracking known</td><td>SHIPPED</td></tr>
 *   <tr><td>{@code DELIVERED}</td><td>delivered</td><td>DELIVERED</td></tr>
 *   <tr><td>{@code CANCELLED}</td><td>cancelled or deleted</td><td>CANCELLED</td></tr>
 *   <tr><td>anything else, or none</td><td>—</td><td>{@link CjUnknownOrderStatusException} with the raw value</td></tr>
 * </table>
 *
 * <p>Matching ignores case and surrounding blanks. CJ's numeric codes that leak into some messages
 * ({@code 100}, {@code 300}…) are not statuses of order detail and are not guessed at.
 *
 * @since 0.1.0
 */
public final class CjOrderStatuses {
  private CjOrderStatuses() {}

  /**
   * Maps a CJ status.
   *
   * @param orderStatus CJ's {@code orderStatus}
   * @param subStatus CJ's {@code subStatus} (only read for {@code UNSHIPPED}), or {@code null}
   * @return the fulfilment status (SUBMITTED or later; never OPEN, SUBMITTING or CANCELLATION_REQUESTED)
   * @throws CjUnknownOrderStatusException carrying the raw value if the status is unknown or missing
   * @since 0.1.0
   */
  public static SupplierOrderStatus toSupplierStatus(@Nullable String orderStatus, @Nullable String subStatus) {
    return toSupplierStatus(orderStatus, subStatus, null);
  }

  static SupplierOrderStatus toSupplierStatus(@Nullable String orderStatus, @Nullable String subStatus,
      @Nullable String reference) {
    String s = orderStatus == null ? "" : orderStatus.trim().toUpperCase(Locale.ROOT);
    String sub = subStatus == null ? "" : subStatus.trim().toUpperCase(Locale.ROOT);
    return switch (s) {
      case "CREATED", "IN_CART", "UNPAID" -> SupplierOrderStatus.SUBMITTED;
      case "UNSHIPPED" -> sub.equals("PROCESSING") ? SupplierOrderStatus.IN_PROGRESS : SupplierOrderStatus.ACCEPTED;
      case "PENDING" -> SupplierOrderStatus.ACCEPTED;
      case "PROCESSING" -> SupplierOrderStatus.IN_PROGRESS;
      case "SHIPPED" -> SupplierOrderStatus.SHIPPED;
      case "DELIVERED" -> SupplierOrderStatus.DELIVERED;
      case "CANCELLED" -> SupplierOrderStatus.CANCELLED;
      default -> throw new CjUnknownOrderStatusException(orderStatus, subStatus, reference);
    };
  }

  /**
   * Turns a verified CJ ORDER webhook ({@link dev.dropsync.cj.CjWebhooks#verifyAndParse}) into an
   * update for {@link dev.dropsync.fulfillment.FulfillmentEngine#applySupplierUpdate}. The engine
   * de-duplicates on the message id and never moves a status backwards, so CJ's at-least-once,
   * unordered delivery is safe to feed in as it comes.
   *
   * @param message the webhook message
   * @param receivedAt the ordering key to use when CJ sent no {@code updateDate}
   * @return the update (source WEBHOOK), with tracking number, carrier ({@code logisticName}) and URL
   * @throws InvalidInputException if the message has no {@code orderNumber} (it cannot be matched to
   *     a supplier order)
   * @throws CjUnknownOrderStatusException if its status is unknown
   * @since 0.1.0
   */
  public static SupplierUpdate toUpdate(WebhookMessage.Order message, Instant receivedAt) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(receivedAt, "receivedAt");
    String reference = message.orderNumber();
    if (reference == null || reference.isBlank()) {
      throw new InvalidInputException("orderNumber", reference, "is required to match a CJ order webhook");
    }
    SupplierOrderStatus status = toSupplierStatus(message.orderStatus(), null, reference);
    Instant updated = message.updatedAt();
    Instant asOf = updated != null ? updated : receivedAt;
    return new SupplierUpdate(reference, status, message.cjOrderId(),
        new Tracking(message.trackNumber(), message.logisticName(), message.trackingUrl()), List.of(), asOf,
        SupplierUpdate.Source.WEBHOOK, message.messageId());
  }
}

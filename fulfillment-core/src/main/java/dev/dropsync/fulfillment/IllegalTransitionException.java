package dev.dropsync.fulfillment;

/**
 * A status change that the transition table does not allow. Nothing was changed.
 *
 * @since 0.1.0
 */
public class IllegalTransitionException extends FulfillmentException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final Enum<?> from;
  private final Enum<?> to;

  /** An illegal move of customer order {@code orderId} from {@code from} to {@code to}. */
  public IllegalTransitionException(OrderId orderId, OrderStatus from, OrderStatus to) {
    this("order \"" + orderId.value() + "\"", (Enum<?>) from, (Enum<?>) to, true);
  }

  /** An illegal move of supplier order {@code reference} from {@code from} to {@code to}. */
  public IllegalTransitionException(String reference, SupplierOrderStatus from, SupplierOrderStatus to) {
    this("supplier order \"" + reference + "\"", (Enum<?>) from, (Enum<?>) to, true);
  }

  private IllegalTransitionException(String subject, Enum<?> from, Enum<?> to, boolean unused) {
    super("illegal transition of " + subject + " from " + from + " to " + to);
    this.subject = subject;
    this.from = from;
    this.to = to;
  }

  /** What was moved, e.g. {@code order "shop-1"}. */
  public String subject() {
    return subject;
  }

  /** The current status. */
  public Enum<?> from() {
    return from;
  }

  /** The refused target status. */
  public Enum<?> to() {
    return to;
  }
}

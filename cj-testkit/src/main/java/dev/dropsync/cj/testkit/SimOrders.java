package dev.dropsync.cj.testkit;

import dev.dropsync.cj.testkit.internal.SimEngine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulator's order store and wallet. Statuses advance lazily on the simulator clock whenever orders are
 * read: a paid order ({@code UNSHIPPED}) becomes {@code SHIPPED} with a tracking number
 * {@link CjSimulator.Builder#shipAfter(java.time.Duration) shipAfter} after payment, then {@code DELIVERED}
 * {@link CjSimulator.Builder#deliverAfter(java.time.Duration) deliverAfter} later.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class SimOrders {
  private final SimEngine engine;

  SimOrders(SimEngine engine) {
    this.engine = engine;
  }

  /**
   * Every order ever created (including cancelled ones), oldest first.
   *
   * @return every order ever created (including cancelled ones), oldest first
   * @since 0.1.0
   */
  public List<SimOrder> all() {
    return engine.orders();
  }

  /**
   * Orders created with {@code orderNumber}; more than one when the caller created duplicates.
   *
   * @param orderNumber the order number
   * @return orders created with {@code orderNumber}; more than one when the caller created duplicates
   * @since 0.1.0
   */
  public List<SimOrder> byOrderNumber(String orderNumber) {
    Objects.requireNonNull(orderNumber, "orderNumber");
    return engine.orders().stream().filter(o -> o.orderNumber().equals(orderNumber)).toList();
  }

  /**
   * The order with CJ code {@code cjOrderId} ({@code SD…}).
   *
   * @param cjOrderId the cj order id
   * @return the order with CJ code {@code cjOrderId} ({@code SD…})
   * @since 0.1.0
   */
  public Optional<SimOrder> byCjOrderId(String cjOrderId) {
    Objects.requireNonNull(cjOrderId, "cjOrderId");
    return engine.orders().stream().filter(o -> o.cjOrderId().equals(cjOrderId)).findFirst();
  }

  /**
   * Number of orders created.
   *
   * @return number of orders created
   * @since 0.1.0
   */
  public int count() {
    return engine.orders().size();
  }

  /**
   * Cancels an order from CJ's side (status {@code CANCELLED}).
   *
   * @param cjOrderId the cj order id
   * @throws java.util.NoSuchElementException if no such order exists
   * @since 0.1.0
   */
  public void cancel(String cjOrderId) {
    engine.cancelOrder(Objects.requireNonNull(cjOrderId, "cjOrderId"));
  }

  /**
   * The account balance in USD (what {@code /shopping/pay/getBalance} reports).
   *
   * @return the account balance in USD (what {@code /shopping/pay/getBalance} reports)
   * @since 0.1.0
   */
  public BigDecimal balance() {
    return engine.balance();
  }

  /**
   * Sets the balance in USD (rounded half-up to cents); payBalance answers 1604000 when it is too low.
   *
   * @param amount the amount
   * @throws IllegalArgumentException if {@code amount} is negative
   * @since 0.1.0
   */
  public void setBalance(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount must be >= 0 but was " + amount);
    }
    engine.setBalance(amount);
  }
}

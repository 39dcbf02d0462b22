package dev.dropsync.cj;

import dev.dropsync.cj.internal.Endpoint;
import dev.dropsync.cj.internal.HttpCore;
import dev.dropsync.cj.internal.Mappers;
import dev.dropsync.cj.model.Balance;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Wallet balance and balance payment. Obtain from {@link CjClient#payments()}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class PaymentService {
  static final Endpoint BALANCE = Endpoint.get("/shopping/pay/getBalance");
  static final Endpoint PAY = Endpoint.post("/shopping/pay/payBalance", false);

  private final HttpCore core;

  PaymentService(HttpCore core) {
    this.core = core;
  }

  /**
   * {@code GET /shopping/pay/getBalance}.
   *
   * @return the balance in USD
   * @since 0.1.0
   */
  public Balance getBalance() {
    return HttpCore.await(getBalanceAsync(RequestOptions.none()), BALANCE.name());
  }

  /**
   * Async {@link #getBalance()}.
   *
   * @param options per-call options
   * @return the balance
   * @since 0.1.0
   */
  public CompletableFuture<Balance> getBalanceAsync(RequestOptions options) {
    return core.call(BALANCE, Map.of(), null, options, Mappers::balance);
  }

  /**
   * {@code POST /shopping/pay/payBalance}: pays an UNPAID order from the wallet. Never retried after
   * an unknown outcome (re-read the order instead).
   *
   * @param orderId CJ order id (SD code)
   * @throws CjPaymentException when the balance is insufficient or payment is restricted
   * @since 0.1.0
   */
  public void payBalance(String orderId) {
    HttpCore.await(payBalanceAsync(orderId, RequestOptions.none()), PAY.name());
  }

  /**
   * Async {@link #payBalance(String)}.
   *
   * @param orderId CJ order id
   * @param options per-call options
   * @return completes when paid
   * @since 0.1.0
   */
  public CompletableFuture<Void> payBalanceAsync(String orderId, RequestOptions options) {
    ProductService.require("orderId", orderId, PAY);
    return core.call(PAY, Map.of(), Map.of("orderId", orderId), options, env -> null);
  }
}

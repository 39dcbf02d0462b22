package dev.dropsync.cj.supplier;

/**
 * Whether placing a supplier order at CJ also pays for it ({@code createOrderV2}'s {@code payType}).
 * Set with {@link CjSupplier.Builder#payment(CjPayment)}.
 *
 * @since 0.1.0
 */
public enum CjPayment {
  /**
   * {@code payType 2} (the default): CJ carts, confirms and pays the order from the CJ account's
   * wallet balance in the create call itself, so a placed order is paid ({@code UNSHIPPED}, mapped to
   * ACCEPTED) and ships without anyone logging in to CJ. The fulfilment engine only places orders the
   * customer has paid for, so this is the hands-off flow. When the balance (or CJ's stock) is short,
   * CJ still creates the order but leaves it {@code UNPAID} (SUBMITTED); top the balance up and call
   * {@link CjSupplierOrders#payFromBalance}, or pay in CJ's dashboard.
   */
  BALANCE(2),

  /**
   * {@code payType 3}: create only. The order waits at CJ as {@code CREATED} (SUBMITTED) until it is
   * paid in CJ's dashboard or with {@link CjSupplierOrders#payFromBalance}; until then it can still
   * be cancelled through the API (CJ deletes orders only before payment). Use it when a person
   * approves every supplier payment.
   */
  CREATE_ONLY(3);

  private final int payType;

  CjPayment(int payType) {
    this.payType = payType;
  }

  /**
   * CJ's {@code payType} value sent with {@code createOrderV2}.
   *
   * @return 2 or 3
   * @since 0.1.0
   */
  public int payType() {
    return payType;
  }
}

package dev.dropsync.fulfillment;

/**
 * What the commission is a share of. Chosen per plan/tenant through {@link CommissionPolicy}; the
 * default is {@link #ORDER_TOTAL}. Amounts count only units actually allocated (reserved) to the
 * order, so a partial shipment is charged on what ships.
 *
 * @since 0.1.0
 */
public enum CommissionBasis {
  /** Goods (unit price × allocated quantity) plus the shipping charge the customer paid. Default. */
  ORDER_TOTAL,
  /** Goods only, excluding shipping. */
  GOODS,
  /**
   * Order total minus supplier cost (unit cost × quantity) minus the chosen freight cost, floored at
   * zero. Costs must be in the order currency (checked when the order is created).
   */
  PROFIT
}

package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;

/**
 * Receives the engine's events. Every method has a no-op default; implement what you need.
 * Called synchronously on the thread that made the change, after the change is stored, once per
 * change (a low-stock alert once per downward crossing, not once per sync). Implementations must
 * be thread-safe and fast; an exception thrown here is caught and ignored so it cannot undo or
 * half-apply a change.
 *
 * @since 0.1.0
 */
public interface InventoryListener {

  /** Why a product was switched off or a reactivation was refused. */
  enum Reason {
    /** No variant had stock available. */
    OUT_OF_STOCK,
    /** The owner switched it off. */
    OWNER,
    /** The plan's active-product limit was reached. */
    PLAN_LIMIT
  }

  /** A variant's available stock fell to or below its low-stock threshold (from above it). */
  default void onLowStock(TenantId tenant, ProductId product, VariantId variant, long available, long threshold) {}

  /** A variant's available stock fell to zero. */
  default void onOutOfStock(TenantId tenant, ProductId product, VariantId variant) {}

  /** A variant's available stock rose from zero. */
  default void onBackInStock(TenantId tenant, ProductId product, VariantId variant, long available) {}

  /** A sync left reservations holding more than is on hand (not clamped; orders may need a hold). */
  default void onOversold(TenantId tenant, ProductId product, VariantId variant, long onHand, long reserved) {}

  /** A variant's retail price changed. */
  default void onPriceChanged(TenantId tenant, ProductId product, VariantId variant, Money oldPrice, Money newPrice) {}

  /** A manual price's margin fell under the pricing rule's floor (the price was kept). */
  default void onPriceBelowFloor(TenantId tenant, ProductId product, VariantId variant, Money price, Money floor) {}

  /** A product stopped being active. */
  default void onDeactivated(TenantId tenant, ProductId product, Reason reason) {}

  /** The system reactivated a product it had deactivated for lack of stock. */
  default void onReactivated(TenantId tenant, ProductId product) {}

  /** The system could not reactivate a restocked product (reason {@link Reason#PLAN_LIMIT}). */
  default void onReactivationRefused(TenantId tenant, ProductId product, Reason reason) {}

  /** An activation (manual, import or automatic) was refused by the plan limit. */
  default void onPlanLimitReached(TenantId tenant, Plan plan, int limit, int activeCount) {}
}

package dev.dropsync.inventory;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle state of a product. Only {@link #ACTIVE} products count toward the plan limit.
 *
 * <table>
 *   <caption>Allowed transitions</caption>
 *   <tr><th>from</th><th>to</th><th>by</th></tr>
 *   <tr><td>DRAFT, INACTIVE</td><td>ACTIVE</td><td>owner (plan limit)</td></tr>
 *   <tr><td>ACTIVE</td><td>INACTIVE_OUT_OF_STOCK</td><td>system</td></tr>
 *   <tr><td>INACTIVE_OUT_OF_STOCK</td><td>ACTIVE</td><td>system (restock, plan limit)</td></tr>
 *   <tr><td>DRAFT, ACTIVE, INACTIVE_OUT_OF_STOCK</td><td>INACTIVE</td><td>owner</td></tr>
 *   <tr><td>any but ARCHIVED</td><td>ARCHIVED</td><td>owner; terminal</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public enum ProductStatus {
  /** Imported but never activated (for example because the plan limit was reached). */
  DRAFT,
  /** Listed and counted toward the plan limit. */
  ACTIVE,
  /** Switched off by the system because no stock was available; reactivated by the system on restock. */
  INACTIVE_OUT_OF_STOCK,
  /** Switched off by the owner; never reactivated by the system. */
  INACTIVE,
  /** Retired by the owner. Terminal. */
  ARCHIVED;

  /** Who asks for a status change. */
  public enum Actor {
    /** The store owner (through the host). */
    OWNER,
    /** The engine itself (stock rules). */
    SYSTEM
  }

  /**
   * Whether {@code actor} may move a product from this status to {@code to}.
   *
   * @param to the target status
   * @param actor who asks
   * @return true if the transition is in the table above
   */
  public boolean canMoveTo(ProductStatus to, Actor actor) {
    return allowedTargets(actor).contains(to) && sourcesFor(to, actor).contains(this);
  }

  private static Set<ProductStatus> allowedTargets(Actor actor) {
    return actor == Actor.SYSTEM
        ? EnumSet.of(ACTIVE, INACTIVE_OUT_OF_STOCK)
        : EnumSet.of(ACTIVE, INACTIVE, ARCHIVED);
  }

  private static Set<ProductStatus> sourcesFor(ProductStatus to, Actor actor) {
    switch (to) {
      case ACTIVE:
        return actor == Actor.SYSTEM ? EnumSet.of(INACTIVE_OUT_OF_STOCK) : EnumSet.of(DRAFT, INACTIVE);
      case INACTIVE_OUT_OF_STOCK:
        return EnumSet.of(ACTIVE);
      case INACTIVE:
        return EnumSet.of(DRAFT, ACTIVE, INACTIVE_OUT_OF_STOCK);
      case ARCHIVED:
        return EnumSet.of(DRAFT, ACTIVE, INACTIVE_OUT_OF_STOCK, INACTIVE);
      default:
        return EnumSet.noneOf(ProductStatus.class);
    }
  }
}

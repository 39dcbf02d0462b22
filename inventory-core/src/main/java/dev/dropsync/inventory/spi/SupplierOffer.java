package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a supplier offers of one variant right now: how many units it has and what one costs, read
 * together (see {@link SupplierCatalog#offers}).
 *
 * <p>A variant the supplier knows but does not sell at the moment (for CJ: a product taken off the
 * shelf) is {@linkplain #unavailable() unavailable}: stock 0 and no cost. The sync then writes stock
 * 0 (so the usual out-of-stock rules deactivate the listing and restock reactivates it) and keeps the
 * last known cost.
 *
 * @param stock units the supplier has, at least 0
 * @param cost the unit cost, or {@code null} when the supplier does not quote one (unavailable)
 * @since 0.1.0
 */
public record SupplierOffer(long stock, @Nullable Money cost) {
  /**
   * Validates.
   *
   * @throws InvalidInputException on negative stock or a negative cost
   */
  public SupplierOffer {
    if (stock < 0) {
      throw new InvalidInputException("stock", stock, "must be >= 0");
    }
    if (cost != null && cost.isNegative()) {
      throw new InvalidInputException("cost", cost, "must be >= 0");
    }
  }

  /**
   * An offer of {@code stock} units at {@code cost} each.
   *
   * @param stock units, at least 0
   * @param cost unit cost, not negative
   * @return the offer
   * @throws InvalidInputException on negative stock or cost
   */
  public static SupplierOffer of(long stock, Money cost) {
    return new SupplierOffer(stock, java.util.Objects.requireNonNull(cost, "cost"));
  }

  /**
   * Known to the supplier but not on sale now: stock 0, no cost.
   *
   * @return the unavailable offer
   */
  public static SupplierOffer unavailable() {
    return new SupplierOffer(0, null);
  }

  /** True unless this offer is {@linkplain #unavailable() unavailable} (no cost quoted). */
  public boolean isAvailable() {
    return cost != null;
  }
}

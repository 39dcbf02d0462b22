package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.LedgerEntry;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.VariantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One variant's stock before and after an atomic store call, and the ledger entry written for it.
 *
 * @param product the product
 * @param variant the variant
 * @param onHandBefore on-hand before
 * @param reservedBefore reserved before
 * @param onHandAfter on-hand after
 * @param reservedAfter reserved after
 * @param entry the ledger entry written, or null if nothing changed
 * @since 0.1.0
 */
public record StockChange(
    ProductId product,
    VariantId variant,
    long onHandBefore,
    long reservedBefore,
    long onHandAfter,
    long reservedAfter,
    @Nullable LedgerEntry entry) {

  /** Checks for nulls. */
  public StockChange {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(variant, "variant");
  }

  /** Available ({@code max(0, onHand − reserved)}) before. */
  public long availableBefore() {
    return Math.max(0, onHandBefore - reservedBefore);
  }

  /** Available after. */
  public long availableAfter() {
    return Math.max(0, onHandAfter - reservedAfter);
  }

  /** True if anything changed (and a ledger entry was written). */
  public boolean changed() {
    return entry != null;
  }
}

package dev.dropsync.fulfillment.spi;

import java.util.Objects;

/**
 * One item of a freight quote request.
 *
 * @param supplierVariantId the supplier's variant id
 * @param quantity units, at least 1
 * @since 0.1.0
 */
public record FreightItem(String supplierVariantId, long quantity) {
  /** Checks for nulls. */
  public FreightItem {
    Objects.requireNonNull(supplierVariantId, "supplierVariantId");
  }
}

/**
 * The inventory engine: products and variants imported from a supplier, stock kept in sync with it,
 * retail prices that keep their markup, stock rules, plan limits, reservations for fulfilment,
 * analytics and reorder suggestions.
 *
 * <p>This package is pure domain code: it reaches suppliers and storage only through the SPIs in
 * {@code dev.dropsync.inventory.spi}, and takes time from an injected {@link java.time.Clock}.
 */
@NullMarked
package dev.dropsync.inventory;

import org.jspecify.annotations.NullMarked;

/**
 * A second supplier for the examples: {@link dev.dropsync.examples.warehouse.LocalWarehouse}, a
 * local warehouse with a CSV stock list, implementing the supplier SPIs of inventory-core and
 * fulfillment-core. Not API.
 */
@NullMarked
package dev.dropsync.examples.warehouse;

import org.jspecify.annotations.NullMarked;

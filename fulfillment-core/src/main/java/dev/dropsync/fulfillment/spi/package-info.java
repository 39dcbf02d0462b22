/**
 * What a host implements (or takes from here in memory) for the fulfilment engine: {@link
 * dev.dropsync.fulfillment.spi.OrderStore} (orders, supplier orders, earnings ledger,
 * communication log), {@link dev.dropsync.fulfillment.spi.SupplierOrders}, {@link
 * dev.dropsync.fulfillment.spi.FreightQuotes}, {@link dev.dropsync.fulfillment.spi.Notifier} and
 * {@link dev.dropsync.fulfillment.spi.MetricsStore}. Each has an in-memory implementation in this
 * package, and an abstract contract test in the module's test-jar that host implementations
 * extend.
 */
@NullMarked
package dev.dropsync.fulfillment.spi;

import org.jspecify.annotations.NullMarked;

/**
 * What hosts implement to run the inventory engine: the supplier's offer ({@link
 * dev.dropsync.inventory.spi.SupplierCatalog}), storage ({@link
 * dev.dropsync.inventory.spi.InventoryStore}), event delivery ({@link
 * dev.dropsync.inventory.spi.InventoryListener}) and plan limits ({@link
 * dev.dropsync.inventory.spi.PlanPolicy}). In-memory implementations live in {@code
 * dev.dropsync.inventory.memory}; the test-jar holds an abstract contract test per SPI
 * ({@code InventoryStoreContractTest}, {@code SupplierCatalogContractTest}) that a host
 * implementation extends to prove it behaves the same.
 */
@NullMarked
package dev.dropsync.inventory.spi;

import org.jspecify.annotations.NullMarked;

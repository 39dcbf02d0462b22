/**
 * Thread-safe in-memory implementations of the inventory SPIs: {@link
 * dev.dropsync.inventory.memory.InMemoryInventoryStore} (the reference store, also fit for
 * single-node hosts that persist nothing) and {@link
 * dev.dropsync.inventory.memory.InMemorySupplierCatalog} (a scriptable supplier for tests and
 * demos).
 */
@NullMarked
package dev.dropsync.inventory.memory;

import org.jspecify.annotations.NullMarked;

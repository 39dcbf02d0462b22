/** Tests for dev.dropsync.inventory.memory. */
@NullMarked
package dev.dropsync.inventory.memory;

import org.jspecify.annotations.NullMarked;

/** Tests for dev.dropsync.inventory.spi. */
@NullMarked
package dev.dropsync.inventory.spi;

import org.jspecify.annotations.NullMarked;

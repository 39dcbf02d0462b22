/** Tests for dev.dropsync.inventory.bench. */
@NullMarked
package dev.dropsync.inventory.bench;

import org.jspecify.annotations.NullMarked;

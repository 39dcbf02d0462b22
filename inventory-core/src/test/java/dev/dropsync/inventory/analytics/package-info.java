/** Tests for {@code dev.dropsync.inventory.analytics}. */
@NullMarked
package dev.dropsync.inventory.analytics;

import org.jspecify.annotations.NullMarked;

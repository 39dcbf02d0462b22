/** Tests for {@code dev.dropsync.inventory.analytics.bench}. */
@NullMarked
package dev.dropsync.inventory.analytics.bench;

import org.jspecify.annotations.NullMarked;

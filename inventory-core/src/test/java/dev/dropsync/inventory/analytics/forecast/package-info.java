/** Tests for {@code dev.dropsync.inventory.analytics.forecast}. */
@NullMarked
package dev.dropsync.inventory.analytics.forecast;

import org.jspecify.annotations.NullMarked;

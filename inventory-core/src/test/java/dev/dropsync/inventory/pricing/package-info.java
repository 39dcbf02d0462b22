/** Tests for dev.dropsync.inventory.pricing. */
@NullMarked
package dev.dropsync.inventory.pricing;

import org.jspecify.annotations.NullMarked;

/** Tests for dev.dropsync.inventory. */
@NullMarked
package dev.dropsync.inventory;

import org.jspecify.annotations.NullMarked;

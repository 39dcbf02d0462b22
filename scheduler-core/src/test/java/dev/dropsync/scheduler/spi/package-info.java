/** Tests for dev.dropsync.scheduler.spi. */
@NullMarked
package dev.dropsync.scheduler.spi;

import org.jspecify.annotations.NullMarked;

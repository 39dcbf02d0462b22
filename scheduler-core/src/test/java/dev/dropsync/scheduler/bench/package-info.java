/** Tests for dev.dropsync.scheduler.bench. */
@NullMarked
package dev.dropsync.scheduler.bench;

import org.jspecify.annotations.NullMarked;

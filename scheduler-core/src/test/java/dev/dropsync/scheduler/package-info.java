/** Tests for dev.dropsync.scheduler. */
@NullMarked
package dev.dropsync.scheduler;

import org.jspecify.annotations.NullMarked;

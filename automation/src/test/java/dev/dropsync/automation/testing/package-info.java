/** Test support for hosts and this module's tests: a wired in-memory automation, CJ payloads, recorders. */
@NullMarked
package dev.dropsync.automation.testing;

import org.jspecify.annotations.NullMarked;

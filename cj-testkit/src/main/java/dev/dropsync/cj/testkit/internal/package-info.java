/** Simulator internals: not API, may change in any release. */
@NullMarked
package dev.dropsync.cj.testkit.internal;

import org.jspecify.annotations.NullMarked;

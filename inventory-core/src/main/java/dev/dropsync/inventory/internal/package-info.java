/** Engine internals; not API, may change in any release. */
@NullMarked
package dev.dropsync.inventory.internal;

import org.jspecify.annotations.NullMarked;

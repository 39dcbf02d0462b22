/** Tests of internal helpers. */
@NullMarked
package dev.dropsync.automation.internal;

import org.jspecify.annotations.NullMarked;

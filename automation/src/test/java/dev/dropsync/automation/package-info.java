/** Tests of the automation module. */
@NullMarked
package dev.dropsync.automation;

import org.jspecify.annotations.NullMarked;

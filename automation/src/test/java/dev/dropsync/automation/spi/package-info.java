/**
 * Abstract contract tests of the automation SPIs (published in the test-jar): extend one, return a
 * fresh store from its factory method, and run it against your implementation.
 */
@NullMarked
package dev.dropsync.automation.spi;

import org.jspecify.annotations.NullMarked;

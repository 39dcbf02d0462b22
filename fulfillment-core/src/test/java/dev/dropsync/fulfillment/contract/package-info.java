/** Abstract SPI contract tests (published in the test-jar) and their runs against the in-memory implementations. */
@NullMarked
package dev.dropsync.fulfillment.contract;

import org.jspecify.annotations.NullMarked;

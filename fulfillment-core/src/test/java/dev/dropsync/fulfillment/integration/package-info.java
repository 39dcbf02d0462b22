/** Fulfilment running on the real inventory engine rather than the test double. */
@NullMarked
package dev.dropsync.fulfillment.integration;

import org.jspecify.annotations.NullMarked;

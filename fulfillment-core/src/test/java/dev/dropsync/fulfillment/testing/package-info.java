@NullMarked
package dev.dropsync.fulfillment.testing;

import org.jspecify.annotations.NullMarked;

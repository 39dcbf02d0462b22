@NullMarked
package dev.dropsync.fulfillment.spi;

import org.jspecify.annotations.NullMarked;

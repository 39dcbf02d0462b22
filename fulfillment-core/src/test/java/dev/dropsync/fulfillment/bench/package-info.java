@NullMarked
package dev.dropsync.fulfillment.bench;

import org.jspecify.annotations.NullMarked;

@NullMarked
package dev.dropsync.fulfillment;

import org.jspecify.annotations.NullMarked;

@NullMarked
package dev.dropsync.examples.warehouse;

import org.jspecify.annotations.NullMarked;

/**
 * Small runnable examples of dropsync and the demo application ({@link dev.dropsync.examples.Main}).
 * Not a library: nothing here is API.
 */
@NullMarked
package dev.dropsync.examples;

import org.jspecify.annotations.NullMarked;

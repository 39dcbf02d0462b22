@NullMarked
package dev.dropsync.examples;

import org.jspecify.annotations.NullMarked;

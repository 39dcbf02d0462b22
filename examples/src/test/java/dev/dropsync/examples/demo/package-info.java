@NullMarked
package dev.dropsync.examples.demo;

import org.jspecify.annotations.NullMarked;

/** Integration tests running the real {@code CjClient} against a started {@code CjSimulator} over HTTP. */
@NullMarked
package dev.dropsync.cj.sim;

import org.jspecify.annotations.NullMarked;

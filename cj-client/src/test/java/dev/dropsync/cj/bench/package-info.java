/** JMH benchmarks of the CJ client. */
@NullMarked
package dev.dropsync.cj.bench;

import org.jspecify.annotations.NullMarked;

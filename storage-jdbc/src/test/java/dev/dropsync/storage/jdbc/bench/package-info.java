/** The storage-jdbc benchmark harness ({@code storage-jdbc/bench.sh}); not a test. */
@NullMarked
package dev.dropsync.storage.jdbc.bench;

import org.jspecify.annotations.NullMarked;

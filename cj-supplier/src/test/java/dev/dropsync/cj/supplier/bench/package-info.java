/** The sync benchmark harness (test scope; run with {@code cj-supplier/bench.sh}). */
@NullMarked
package dev.dropsync.cj.supplier.bench;

import org.jspecify.annotations.NullMarked;

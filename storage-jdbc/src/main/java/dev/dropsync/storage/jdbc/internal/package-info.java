/** Internal JDBC plumbing; not API. */
@NullMarked
package dev.dropsync.storage.jdbc.internal;

import org.jspecify.annotations.NullMarked;

@NullMarked
package dev.dropsync.storage.jdbc;

import org.jspecify.annotations.NullMarked;

/** Implementation details of the CJ supplier adapter. Not API: may change in any release. */
@NullMarked
package dev.dropsync.cj.supplier.internal;

import org.jspecify.annotations.NullMarked;

/** Implementation details of the CJ client. Not API: may change in any release. */
@NullMarked
package dev.dropsync.cj.internal;

import org.jspecify.annotations.NullMarked;

/** Implementation details of analytics; not API, may change in any release. */
@NullMarked
package dev.dropsync.inventory.analytics.internal;

import org.jspecify.annotations.NullMarked;

/** Implementation details of the fulfilment engine; not API, may change in any release. */
@NullMarked
package dev.dropsync.fulfillment.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Implementation details of the automation module: task handlers, schedule reconciliation, key
 * encoding. Not API: may change in any release.
 */
@NullMarked
package dev.dropsync.automation.internal;

import org.jspecify.annotations.NullMarked;

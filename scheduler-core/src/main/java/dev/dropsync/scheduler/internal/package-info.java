/** Implementation details of the scheduler (cron engine, execution bookkeeping); not API. */
@NullMarked
package dev.dropsync.scheduler.internal;

import org.jspecify.annotations.NullMarked;

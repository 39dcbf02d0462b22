/**
 * dropsync scheduler: time-zone aware recurring schedules (hourly, daily, weekly, monthly, Unix and
 * Quartz cron), a prioritised, fair, retrying task queue, and a pluggable {@link
 * dev.dropsync.scheduler.spi.TaskStore} that several {@link dev.dropsync.scheduler.Scheduler}
 * instances can share.
 *
 * <p>Guarantees: each schedule fire time produces its task exactly once, even with several scheduler
 * instances on one store; each task runs at least once and never twice at the same time (claims are
 * atomic in the store, and a crashed worker's claim is recovered by heartbeat timeout). All times are
 * stored as UTC {@link java.time.Instant}s and taken from an injected {@link java.time.Clock}.
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.builder()
 *     .store(new InMemoryTaskStore())
 *     .handler("inventory_sync", ctx -> sync(ctx.payload().get("productId")))
 *     .workerCount(4)
 *     .build();
 * scheduler.schedule(ScheduleRequest.builder()
 *     .owner("tenant-42").taskType("inventory_sync")
 *     .recurrence(Recurrence.daily(LocalTime.of(2, 30), ZoneId.of("Europe/London")))
 *     .build());
 * scheduler.start();
 * }</pre>
 */
@NullMarked
package dev.dropsync.scheduler;

import org.jspecify.annotations.NullMarked;

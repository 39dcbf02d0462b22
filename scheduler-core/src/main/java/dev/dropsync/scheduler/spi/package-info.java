/**
 * Service-provider interfaces the host implements: {@link dev.dropsync.scheduler.spi.TaskStore}
 * persists tasks and schedules and performs atomic claims. {@link
 * dev.dropsync.scheduler.InMemoryTaskStore} is the thread-safe reference implementation; the
 * test-jar's {@code AbstractTaskStoreContractTest} is the contract every implementation must pass.
 */
@NullMarked
package dev.dropsync.scheduler.spi;

import org.jspecify.annotations.NullMarked;

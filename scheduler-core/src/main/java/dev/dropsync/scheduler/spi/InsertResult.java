package dev.dropsync.scheduler.spi;

/**
 * Outcome of {@link TaskStore#insertIfAbsent}.
 *
 * @since 0.1.0
 */
public enum InsertResult {
  /** The task was stored. */
  INSERTED,
  /** A task with the same type, instance key and payload already existed; nothing changed. */
  ALREADY_EXISTS
}

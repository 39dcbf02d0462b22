package dev.dropsync.inventory;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a sync run did to one product, as stored.
 *
 * @param outcome pending, updated, unchanged or failed
 * @param error for FAILED the error message, otherwise null
 * @since 0.1.0
 */
public record SyncItem(SyncItemOutcome outcome, @Nullable String error) {
  /** Checks for nulls. */
  public SyncItem {
    Objects.requireNonNull(outcome, "outcome");
  }

  /** An item with {@code outcome} and no error. */
  public static SyncItem of(SyncItemOutcome outcome) {
    return new SyncItem(outcome, null);
  }

  /** A failed item with its error message. */
  public static SyncItem failed(String error) {
    return new SyncItem(SyncItemOutcome.FAILED, error);
  }
}

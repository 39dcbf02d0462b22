package dev.dropsync.fulfillment;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One recorded transition (history entry) of an order or supplier order.
 *
 * @param <S> the status type
 * @param from the previous status; null for the creation entry
 * @param to the new status
 * @param at when (injected clock)
 * @param actor who moved it, e.g. {@code "system"}, {@code "supplier"} or an operator's id
 * @param reason why, free text (never a secret)
 * @since 0.1.0
 */
public record StatusChange<S extends Enum<S>>(@Nullable S from, S to, Instant at, String actor, String reason) {
  /** Checks for nulls. */
  public StatusChange {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
  }
}

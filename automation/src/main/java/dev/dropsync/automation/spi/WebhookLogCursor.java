package dev.dropsync.automation.spi;

import dev.dropsync.automation.WebhookLog;
import java.time.Instant;
import java.util.Objects;

/**
 * A keyset position in a tenant's webhook log, ordered by {@code (receivedAt, logId)}: {@link
 * WebhookLogStore#list} returns entries strictly after it.
 *
 * @param receivedAt the last seen entry's arrival time
 * @param logId the last seen entry's id
 * @since 0.1.0
 */
public record WebhookLogCursor(Instant receivedAt, String logId) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if one is null
   *
   * @param receivedAt see the record component
   * @param logId see the record component
   */
  public WebhookLogCursor {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(logId, "logId");
  }

  /**
   * Returns the position just after {@code entry}.
   *
   * @param entry the last entry of a page
   * @return the cursor
   * @since 0.1.0
   */
  public static WebhookLogCursor after(WebhookLog entry) {
    return new WebhookLogCursor(entry.receivedAt(), entry.logId());
  }
}

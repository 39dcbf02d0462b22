package dev.dropsync.automation.spi;

import dev.dropsync.automation.WebhookLog;
import dev.dropsync.automation.WebhookOutcome;
import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The log of webhook deliveries, which is also the duplicate filter: {@link #insertIfAbsent} is a
 * unique insert on {@code (tenant, logId)} made before any work, and a verified message's log id is
 * its message id, so a second delivery of a message cannot be inserted. Every call is scoped by
 * {@link TenantId}; another tenant's rows are never read or changed, even with the same ids.
 *
 * <p>Each method is one atomic operation (one SQL statement or transaction), and implementations
 * are thread-safe. A SQL mapping:
 *
 * <pre>{@code
 * CREATE TABLE webhook_log (tenant_id text, log_id text, message_id text, type text, message_type text,
 *   received_at timestamptz NOT NULL, verified boolean NOT NULL, processed boolean NOT NULL,
 *   outcome text NOT NULL, detail text, duplicates int NOT NULL DEFAULT 0, last_duplicate_at timestamptz,
 *   task_id text, processed_at timestamptz, body text, PRIMARY KEY (tenant_id, log_id));
 * CREATE INDEX ON webhook_log (tenant_id, received_at, log_id);
 * -- insertIfAbsent:  INSERT ... ON CONFLICT (tenant_id, log_id) DO NOTHING
 * -- recordDuplicate: UPDATE ... SET duplicates = duplicates + 1, last_duplicate_at = ? WHERE ... RETURNING *
 * -- markProcessed:   UPDATE ... SET processed = true, outcome = ?, ... WHERE ... AND verified AND NOT processed
 * }</pre>
 *
 * Contract: {@code dev.dropsync.automation.spi.WebhookLogStoreContractTest} in the test-jar.
 *
 * @since 0.1.0
 */
public interface WebhookLogStore {

  /**
   * Inserts {@code entry} unless the tenant already has an entry with its {@link
   * WebhookLog#logId()}.
   *
   * @param entry the new entry
   * @return true if inserted; false (nothing changed) if the key exists
   * @since 0.1.0
   */
  boolean insertIfAbsent(WebhookLog entry);

  /**
   * Counts one dropped duplicate delivery: {@code duplicates + 1}, {@code lastDuplicateAt = at}.
   *
   * @param tenant the tenant
   * @param logId the entry
   * @param at when the duplicate arrived
   * @return the updated entry, or empty if there is none
   * @since 0.1.0
   */
  Optional<WebhookLog> recordDuplicate(TenantId tenant, String logId, Instant at);

  /**
   * Records the task that processes the entry, if none is recorded yet.
   *
   * @param tenant the tenant
   * @param logId the entry
   * @param taskId the task id
   * @return true if the entry now has {@code taskId} (set now or before); false if it is absent or
   *     has another task id
   * @since 0.1.0
   */
  boolean attachTask(TenantId tenant, String logId, String taskId);

  /**
   * Marks a verified, not yet processed entry processed with {@code outcome} (APPLIED, IGNORED or
   * FAILED), {@code detail} and {@code processedAt = at}. Only the first call wins.
   *
   * @param tenant the tenant
   * @param logId the entry
   * @param outcome the final outcome
   * @param detail a short explanation, or null
   * @param at when processing finished
   * @return true if this call marked it; false if it is absent, unverified or already processed
   * @throws dev.dropsync.inventory.InvalidInputException if {@code outcome} is not a processed one
   * @since 0.1.0
   */
  boolean markProcessed(TenantId tenant, String logId, WebhookOutcome outcome, @Nullable String detail, Instant at);

  /**
   * Finds an entry.
   *
   * @param tenant the tenant
   * @param logId the log id (the message id for verified messages)
   * @return the entry
   * @since 0.1.0
   */
  Optional<WebhookLog> find(TenantId tenant, String logId);

  /**
   * Lists the tenant's entries received in {@code [from, to)}, ordered by {@code (receivedAt,
   * logId)}, strictly after {@code after} when given, at most {@code limit}.
   *
   * @param tenant the tenant
   * @param from inclusive lower bound
   * @param to exclusive upper bound
   * @param after the keyset cursor (the last entry of the previous page), or null for the first page
   * @param limit the most entries to return, {@code >= 1}
   * @return the entries
   * @throws dev.dropsync.inventory.InvalidInputException if {@code limit < 1} or {@code to} is
   *     before {@code from}
   * @since 0.1.0
   */
  List<WebhookLog> list(TenantId tenant, Instant from, Instant to, @Nullable WebhookLogCursor after, int limit);

  /**
   * Deletes the tenant's entries received before {@code cutoff} (retention; keep at least 48 h,
   * longer than CJ's retries, or old messages stop being recognised as duplicates).
   *
   * @param tenant the tenant
   * @param cutoff exclusive upper bound of {@code receivedAt}
   * @return how many entries were deleted
   * @since 0.1.0
   */
  int deleteReceivedBefore(TenantId tenant, Instant cutoff);
}

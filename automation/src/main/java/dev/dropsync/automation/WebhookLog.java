package dev.dropsync.automation;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One logged webhook delivery. Every delivery a tenant's endpoint receives is logged before any
 * work: a verified one under its CJ message id, which is unique per tenant and is the duplicate
 * filter (a second delivery only increments {@link #duplicates()}); a refused one (bad signature)
 * under a generated id starting with {@value #UNVERIFIED_PREFIX}, with {@code verified = false} and
 * no parsed fields (nothing is parsed before the signature is checked).
 *
 * @param tenant the tenant the endpoint was called for
 * @param logId the row's key: the message id for verified messages, a generated id for refused ones
 * @param messageId CJ's {@code messageId} (or {@code sha256:<hex>} of the body when CJ sent none);
 *     null for refused deliveries
 * @param type CJ's topic ({@code STOCK}, {@code ORDER}, ...); null for refused deliveries and probes
 * @param messageType CJ's {@code messageType} (INSERT, UPDATE, ...), if any
 * @param receivedAt when the first delivery arrived
 * @param verified whether the signature matched
 * @param processed whether processing finished (outcome APPLIED, IGNORED or FAILED)
 * @param outcome what became of it
 * @param detail a short, secret-free explanation of the outcome, if any
 * @param duplicates how many later deliveries with the same message id were dropped
 * @param lastDuplicateAt when the last duplicate arrived, if any
 * @param taskId the {@code webhook_process} task, once queued
 * @param processedAt when processing finished, if it did
 * @param body the raw body (UTF-8) of a verified message, kept for processing; null for refused ones
 * @since 0.1.0
 */
public record WebhookLog(
    TenantId tenant,
    String logId,
    @Nullable String messageId,
    @Nullable String type,
    @Nullable String messageType,
    Instant receivedAt,
    boolean verified,
    boolean processed,
    WebhookOutcome outcome,
    @Nullable String detail,
    int duplicates,
    @Nullable Instant lastDuplicateAt,
    @Nullable String taskId,
    @Nullable Instant processedAt,
    @Nullable String body) {

  /** Prefix of the log ids of refused (unverified) deliveries. */
  public static final String UNVERIFIED_PREFIX = "unverified:";

  /**
   * Validates the components.
   *
   * @throws InvalidInputException if a required component is missing or the flags contradict the
   *     outcome
   *
   * @param tenant see the record component
   * @param logId see the record component
   * @param messageId see the record component
   * @param type see the record component
   * @param messageType see the record component
   * @param receivedAt see the record component
   * @param verified see the record component
   * @param processed see the record component
   * @param outcome see the record component
   * @param detail see the record component
   * @param duplicates see the record component
   * @param lastDuplicateAt see the record component
   * @param taskId see the record component
   * @param processedAt see the record component
   * @param body see the record component
   */
  public WebhookLog {
    Objects.requireNonNull(tenant, "tenant");
    if (logId == null || logId.isBlank()) {
      throw new InvalidInputException("logId", logId, "must not be blank");
    }
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(outcome, "outcome");
    if (duplicates < 0) {
      throw new InvalidInputException("duplicates", duplicates, "must be >= 0");
    }
    if (verified == (outcome == WebhookOutcome.REJECTED)) {
      throw new InvalidInputException("outcome", outcome, "must be REJECTED exactly when verified is false");
    }
    if (processed != outcome.isProcessed()) {
      throw new InvalidInputException("processed", processed, "must match outcome " + outcome);
    }
    if (verified && (messageId == null || !logId.equals(messageId))) {
      throw new InvalidInputException("logId", logId, "must equal the message id of a verified message");
    }
  }

  /**
   * A verified delivery, logged QUEUED (or directly with a final outcome for messages that need no
   * processing).
   *
   * @param tenant the tenant
   * @param messageId the message id (also the log id)
   * @param type the topic, if any
   * @param messageType the message type, if any
   * @param receivedAt the arrival time
   * @param outcome QUEUED, or IGNORED for messages not queued
   * @param detail why, for IGNORED
   * @param body the raw body
   * @return the entry
   * @since 0.1.0
   */
  public static WebhookLog verified(TenantId tenant, String messageId, @Nullable String type,
      @Nullable String messageType, Instant receivedAt, WebhookOutcome outcome, @Nullable String detail,
      @Nullable String body) {
    return new WebhookLog(tenant, messageId, messageId, type, messageType, receivedAt, true,
        outcome.isProcessed(), outcome, detail, 0, null, null, outcome.isProcessed() ? receivedAt : null, body);
  }

  /**
   * A refused delivery.
   *
   * @param tenant the tenant
   * @param logId a generated id starting with {@value #UNVERIFIED_PREFIX}
   * @param receivedAt the arrival time
   * @param detail why it was refused (never the signature or the key)
   * @return the entry
   * @since 0.1.0
   */
  public static WebhookLog rejected(TenantId tenant, String logId, Instant receivedAt, String detail) {
    return new WebhookLog(tenant, logId, null, null, null, receivedAt, false, false, WebhookOutcome.REJECTED,
        detail, 0, null, null, null, null);
  }

  /**
   * Returns whether later deliveries of the same message were dropped.
   *
   * @return true if {@link #duplicates()} is positive
   * @since 0.1.0
   */
  public boolean duplicate() {
    return duplicates > 0;
  }

  /**
   * Returns this entry with one more duplicate at {@code at}.
   *
   * @param at when the duplicate arrived
   * @return the copy
   * @since 0.1.0
   */
  public WebhookLog withDuplicate(Instant at) {
    return new WebhookLog(tenant, logId, messageId, type, messageType, receivedAt, verified, processed, outcome,
        detail, duplicates + 1, at, taskId, processedAt, body);
  }

  /**
   * Returns this entry with its task id.
   *
   * @param id the task id
   * @return the copy
   * @since 0.1.0
   */
  public WebhookLog withTaskId(String id) {
    return new WebhookLog(tenant, logId, messageId, type, messageType, receivedAt, verified, processed, outcome,
        detail, duplicates, lastDuplicateAt, id, processedAt, body);
  }

  /**
   * Returns this entry processed with {@code finalOutcome}.
   *
   * @param finalOutcome APPLIED, IGNORED or FAILED
   * @param why the detail
   * @param at when processing finished
   * @return the copy
   * @throws InvalidInputException if the outcome is not a processed one
   * @since 0.1.0
   */
  public WebhookLog withOutcome(WebhookOutcome finalOutcome, @Nullable String why, Instant at) {
    if (!finalOutcome.isProcessed()) {
      throw new InvalidInputException("outcome", finalOutcome, "must be APPLIED, IGNORED or FAILED");
    }
    return new WebhookLog(tenant, logId, messageId, type, messageType, receivedAt, verified, true, finalOutcome,
        why, duplicates, lastDuplicateAt, taskId, at, body);
  }

  /**
   * Describes the entry without its body.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "WebhookLog[tenant=" + tenant + ", logId=" + logId + ", type=" + type + ", receivedAt=" + receivedAt
        + ", verified=" + verified + ", processed=" + processed + ", outcome=" + outcome + ", detail=" + detail
        + ", duplicates=" + duplicates + ", taskId=" + taskId + ", body=" + (body == null ? "none" : body.length() + " chars")
        + "]";
  }
}

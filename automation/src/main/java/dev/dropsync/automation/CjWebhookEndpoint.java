package dev.dropsync.automation;

import dev.dropsync.automation.internal.Context;
import dev.dropsync.automation.internal.Keys;
import dev.dropsync.cj.CjWebhookSignatureException;
import dev.dropsync.cj.CjWebhooks;
import dev.dropsync.cj.model.WebhookMessage;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.Scheduler;
import dev.dropsync.scheduler.TaskPriority;
import dev.dropsync.scheduler.TaskRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The CJ webhook endpoint, independent of any HTTP framework: raw body bytes and headers in (plus
 * the tenant, e.g. from the URL path your router matched), an ack out. It never processes a message
 * itself; it answers within milliseconds:
 *
 * <ol>
 *   <li>Verifies the {@code sign} header (Base64 HMAC-SHA256 of the raw body keyed with the tenant's
 *       CJ openId from the {@link dev.dropsync.automation.spi.SecretStore}) in constant time, before
 *       parsing anything. A missing, forged or tampered signature is logged ({@code verified =
 *       false}) and answered 401; nothing is queued.
 *   <li>Logs the message with a unique insert keyed by its message id, before any work. A second
 *       delivery of the id is a duplicate: answered 200, counted on the existing entry, no effect.
 *   <li>Queues one {@code webhook_process} task (idempotency key {@code
 *       webhook_process:<tenant>:<messageId>}) and answers 200.
 * </ol>
 *
 * Registration probes, topics that are not handled and tenants whose plan has webhooks off are
 * logged IGNORED and answered 200. A store or scheduler failure answers 503 so CJ retries; a retry
 * of a message logged but not yet queued queues it then.
 *
 * <pre>{@code
 * // e.g. in a servlet mapped to /webhooks/cj/{tenant}
 * WebhookAck ack = automation.webhooks().receive(TenantId.of(tenantFromPath), bodyBytes, headers);
 * response.setStatus(ack.status());
 * response.setContentType(ack.contentType());
 * response.getWriter().write(ack.body());
 * }</pre>
 *
 * <p>Thread-safe; get it from {@link Automation#webhooks()}.
 *
 * @since 0.1.0
 */
public final class CjWebhookEndpoint {
  /** The header CJ signs with. */
  public static final String SIGN_HEADER = "sign";

  private static final Set<String> QUEUED_TYPES =
      Set.of("PRODUCT", "VARIANT", "STOCK", "ORDER", "ORDERSPLIT", "LOGISTIC", "LOGISTICS");

  private final Context ctx;
  private final Scheduler scheduler;
  private final int maxBodyBytes;

  CjWebhookEndpoint(Context ctx, Scheduler scheduler, int maxBodyBytes) {
    this.ctx = ctx;
    this.scheduler = scheduler;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Handles one delivery; reads the {@code sign} header from {@code headers} (name matched
   * case-insensitively).
   *
   * @param tenant the tenant the delivery is for
   * @param rawBody the exact request body bytes
   * @param headers the request headers
   * @return the answer to send
   * @throws InvalidInputException if an argument is null
   * @since 0.1.0
   */
  public WebhookAck receive(TenantId tenant, byte[] rawBody, Map<String, String> headers) {
    if (headers == null) {
      throw new InvalidInputException("headers", null, "must be set");
    }
    String sign = null;
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase(SIGN_HEADER)) {
        sign = h.getValue();
        break;
      }
    }
    return receive(tenant, rawBody, sign);
  }

  /**
   * Handles one delivery.
   *
   * @param tenant the tenant the delivery is for
   * @param rawBody the exact request body bytes
   * @param signHeader the {@code sign} header value, or null when absent
   * @return the answer to send
   * @throws InvalidInputException if the tenant or the body is null
   * @since 0.1.0
   */
  public WebhookAck receive(TenantId tenant, byte[] rawBody, @Nullable String signHeader) {
    if (tenant == null) {
      throw new InvalidInputException("tenant", null, "must be set");
    }
    if (rawBody == null) {
      throw new InvalidInputException("rawBody", null, "must be set");
    }
    Instant now = ctx.clock.instant();
    try {
      Tenant t;
      try {
        t = ctx.inventory.tenant(tenant);
      } catch (NotFoundException e) {
        return WebhookAck.of(WebhookDisposition.UNKNOWN_TENANT, null, null);
      }
      if (rawBody.length > maxBodyBytes) {
        reject(tenant, now, "body of " + rawBody.length + " bytes exceeds the limit of " + maxBodyBytes);
        return WebhookAck.tooLarge();
      }
      Optional<Secret> openId = ctx.secrets.get(tenant, SecretName.CJ_OPEN_ID);
      if (openId.isEmpty()) {
        reject(tenant, now, "no CJ openId is configured for the tenant");
        return WebhookAck.of(WebhookDisposition.REJECTED, null, null);
      }
      Secret key = openId.get();
      try {
        CjWebhooks.verify(rawBody, signHeader, key.reveal());
      } catch (CjWebhookSignatureException e) {
        reject(tenant, now, e.cjMessage());
        return WebhookAck.of(WebhookDisposition.REJECTED, null, null);
      } finally {
        key.destroy();
      }
      return accept(t, rawBody, now);
    } catch (RuntimeException e) {
      ctx.notify(l -> l.onWebhookUnavailable(tenant, e));
      return WebhookAck.of(WebhookDisposition.UNAVAILABLE, null, null);
    }
  }

  private void reject(TenantId tenant, Instant now, String why) {
    WebhookLog entry = WebhookLog.rejected(tenant, WebhookLog.UNVERIFIED_PREFIX + ctx.ids.get(), now, why);
    ctx.webhookLogs.insertIfAbsent(entry);
    ctx.notify(l -> l.onWebhookLogged(entry));
  }

  private WebhookAck accept(Tenant tenant, byte[] rawBody, Instant now) {
    TenantId id = tenant.id();
    String body = new String(rawBody, StandardCharsets.UTF_8);
    WebhookMessage message;
    try {
      message = CjWebhooks.parse(rawBody);
    } catch (CjWebhookSignatureException e) {
      return log(WebhookLog.verified(id, contentKey(rawBody), null, null, now, WebhookOutcome.IGNORED,
          "unusable body: " + e.cjMessage(), body), now);
    }
    String claimed = message.messageId();
    String messageId = claimed != null && !claimed.isBlank() ? claimed : contentKey(rawBody);
    String type = typeOf(message);
    WebhookLog entry;
    if (type == null) {
      entry = WebhookLog.verified(id, messageId, null, message.messageType(), now, WebhookOutcome.IGNORED,
          "registration probe", body);
    } else if (!QUEUED_TYPES.contains(type)) {
      entry = WebhookLog.verified(id, messageId, type, message.messageType(), now, WebhookOutcome.IGNORED,
          "topic " + type + " is not handled", body);
    } else if (!ctx.policy.forPlan(tenant.plan()).webhooks()) {
      entry = WebhookLog.verified(id, messageId, type, message.messageType(), now, WebhookOutcome.IGNORED,
          "webhooks are not enabled on plan " + tenant.plan(), body);
    } else {
      entry = WebhookLog.verified(id, messageId, type, message.messageType(), now, WebhookOutcome.QUEUED, null, body);
    }
    return log(entry, now);
  }

  private WebhookAck log(WebhookLog entry, Instant now) {
    TenantId tenant = entry.tenant();
    String messageId = entry.logId();
    if (!ctx.webhookLogs.insertIfAbsent(entry)) {
      Optional<WebhookLog> existing = ctx.webhookLogs.recordDuplicate(tenant, messageId, now);
      existing.ifPresent(e -> ctx.notify(l -> l.onWebhookDuplicate(e)));
      String taskId = null;
      if (existing.isPresent() && existing.get().outcome() == WebhookOutcome.QUEUED) {
        // the first delivery may have been logged without its task being queued (crash, outage)
        String attached = existing.get().taskId();
        taskId = attached != null ? attached : enqueue(tenant, messageId);
      }
      return WebhookAck.of(WebhookDisposition.DUPLICATE, messageId, taskId);
    }
    ctx.notify(l -> l.onWebhookLogged(entry));
    if (entry.outcome() != WebhookOutcome.QUEUED) {
      return WebhookAck.of(WebhookDisposition.IGNORED, messageId, null);
    }
    return WebhookAck.of(WebhookDisposition.ACCEPTED, messageId, enqueue(tenant, messageId));
  }

  private String enqueue(TenantId tenant, String messageId) {
    AutomationTask task = scheduler.submit(TaskRequest.builder()
        .type(TaskTypes.WEBHOOK_PROCESS).owner(tenant.value())
        .instanceKey(Keys.task(TaskTypes.WEBHOOK_PROCESS, tenant, messageId))
        .payload(Map.of(TaskTypes.MESSAGE_ID, messageId))
        .priority(TaskPriority.HIGH).maxRetries(5).build());
    ctx.webhookLogs.attachTask(tenant, messageId, task.id());
    return task.id();
  }

  private static @Nullable String typeOf(WebhookMessage m) {
    if (m instanceof WebhookMessage.Product) {
      return "PRODUCT";
    }
    if (m instanceof WebhookMessage.Variant) {
      return "VARIANT";
    }
    if (m instanceof WebhookMessage.Stock) {
      return "STOCK";
    }
    if (m instanceof WebhookMessage.Order) {
      return "ORDER";
    }
    if (m instanceof WebhookMessage.OrderSplit) {
      return "ORDERSPLIT";
    }
    if (m instanceof WebhookMessage.Logistic) {
      return "LOGISTIC";
    }
    return Objects.requireNonNull((WebhookMessage.Other) m).type();
  }

  /** The fallback dedupe key of a message without an id: {@code sha256:<hex>} of the exact body. */
  static String contentKey(byte[] body) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}

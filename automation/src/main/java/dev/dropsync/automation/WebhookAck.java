package dev.dropsync.automation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to write back for one webhook delivery: HTTP status and JSON body, plus what happened.
 * Framework-neutral: copy {@link #status()}, {@link #contentType()} and {@link #body()} to your HTTP
 * response.
 *
 * @param status the HTTP status (200, 401, 404, 413 or 503)
 * @param body the JSON response body, e.g. {@code {"code":200,"result":"success","message":"ok"}}
 * @param disposition what the endpoint did
 * @param messageId the message id, when the delivery was verified
 * @param taskId the {@code webhook_process} task, when one was queued
 * @since 0.1.0
 */
public record WebhookAck(
    int status, String body, WebhookDisposition disposition, @Nullable String messageId, @Nullable String taskId) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if body or disposition is null
   *
   * @param status see the record component
   * @param body see the record component
   * @param disposition see the record component
   * @param messageId see the record component
   * @param taskId see the record component
   */
  public WebhookAck {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(disposition, "disposition");
  }

  /**
   * Returns the content type of {@link #body()}.
   *
   * @return {@code application/json}
   * @since 0.1.0
   */
  public String contentType() {
    return "application/json";
  }

  static WebhookAck of(WebhookDisposition disposition, @Nullable String messageId, @Nullable String taskId) {
    return switch (disposition) {
      case ACCEPTED, DUPLICATE, IGNORED -> new WebhookAck(200, json(200, true, "ok"), disposition, messageId, taskId);
      case REJECTED -> new WebhookAck(401, json(401, false, "invalid signature"), disposition, messageId, null);
      case UNKNOWN_TENANT -> new WebhookAck(404, json(404, false, "unknown endpoint"), disposition, null, null);
      case UNAVAILABLE -> new WebhookAck(503, json(503, false, "temporarily unavailable"), disposition, messageId, null);
    };
  }

  static WebhookAck tooLarge() {
    return new WebhookAck(413, json(413, false, "body too large"), WebhookDisposition.REJECTED, null, null);
  }

  private static String json(int code, boolean ok, String message) {
    return "{\"code\":" + code + ",\"result\":\"" + (ok ? "success" : "fail") + "\",\"message\":\"" + message + "\"}";
  }
}

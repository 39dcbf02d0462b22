package dev.dropsync.cj.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook message as CJ would send it: the exact raw body bytes and the HTTP headers, including
 * {@code sign} (Base64 HMAC-SHA256 of the raw body, keyed with the account's {@code openId} as a decimal
 * string). Feed {@link #body()} and {@link #headers()} to a webhook handler as-is, or let
 * {@link SimWebhooks#deliver(WebhookDelivery)} POST it.
 *
 * <p>Immutable and thread-safe; {@link #body()} returns a copy.
 *
 * @since 0.1.0
 */
public final class WebhookDelivery {
  private final String type;
  private final String messageId;
  private final byte[] body;
  private final Map<String, String> headers;

  /**
   * Creates a delivery.
   *
   * @param type the CJ message type, e.g. {@code "ORDER"}
   * @param messageId the {@code messageId} inside the body
   * @param body the raw JSON body
   * @param headers HTTP headers to send, including {@code sign}
   * @since 0.1.0
   */
  public WebhookDelivery(String type, String messageId, byte[] body, Map<String, String> headers) {
    this.type = Objects.requireNonNull(type, "type");
    this.messageId = Objects.requireNonNull(messageId, "messageId");
    this.body = Objects.requireNonNull(body, "body").clone();
    this.headers = Map.copyOf(headers);
  }

  /**
   * The message type: PRODUCT, VARIANT, STOCK, ORDER, ORDERSPLIT or LOGISTIC.
   *
   * @return the message type: PRODUCT, VARIANT, STOCK, ORDER, ORDERSPLIT or LOGISTIC
   * @since 0.1.0
   */
  public String type() {
    return type;
  }

  /**
   * The {@code messageId} in the body (stays the same when the delivery is repeated).
   *
   * @return the {@code messageId} in the body (stays the same when the delivery is repeated)
   * @since 0.1.0
   */
  public String messageId() {
    return messageId;
  }

  /**
   * A copy of the raw body bytes (UTF-8 JSON).
   *
   * @return a copy of the raw body bytes (UTF-8 JSON)
   * @since 0.1.0
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * The body as text.
   *
   * @return the body as text
   * @since 0.1.0
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The headers CJ sends: {@code Content-Type} and {@code sign}.
   *
   * @return the headers CJ sends: {@code Content-Type} and {@code sign}
   * @since 0.1.0
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The {@code sign} header value.
   *
   * @return the {@code sign} header value
   * @since 0.1.0
   */
  public String sign() {
    return Objects.requireNonNull(headers.get("sign"), "sign");
  }

  /**
   * Returns a copy with a different body but the original {@code sign} header: a tampered message whose
   * signature no longer matches.
   *
   * @param newBody the replacement body
   * @return the tampered delivery
   * @since 0.1.0
   */
  public WebhookDelivery withTamperedBody(byte[] newBody) {
    return new WebhookDelivery(type, messageId, newBody, headers);
  }

  @Override
  public String toString() {
    return "WebhookDelivery[" + type + " " + messageId + ", " + body.length + " bytes]";
  }
}

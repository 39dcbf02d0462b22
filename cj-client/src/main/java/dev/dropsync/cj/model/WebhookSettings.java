package dev.dropsync.cj.model;

import dev.dropsync.cj.CjInvalidRequestException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Input of {@code POST /webhook/set}: one configuration per topic; {@code null} topics are not sent.
 *
 * @param product PRODUCT/VARIANT topic, or {@code null}
 * @param stock STOCK topic, or {@code null}
 * @param order ORDER topic, or {@code null}
 * @param logistics LOGISTIC topic, or {@code null}
 * @since 0.1.0
 */
public record WebhookSettings(
    @Nullable Topic product, @Nullable Topic stock, @Nullable Topic order, @Nullable Topic logistics) {

  /**
   * One topic's setting.
   *
   * @param enable {@code true} for ENABLE, {@code false} for CANCEL
   * @param callbackUrls public HTTPS callback URLs
   * @since 0.1.0
   */
  public record Topic(boolean enable, List<String> callbackUrls) {
    /**
     * Validates URLs.
     *
     * @throws CjInvalidRequestException when an enabled topic has no URL or a URL is not https
     *
     * @param enable see the record component
     * @param callbackUrls see the record component
     */
    public Topic {
      callbackUrls = List.copyOf(callbackUrls);
      if (enable && callbackUrls.isEmpty()) {
        throw CjInvalidRequestException.of("POST /webhook/set", "callbackUrls", "[]", "an enabled topic needs a callback URL");
      }
      for (String u : callbackUrls) {
        if (!u.startsWith("https://")) {
          throw CjInvalidRequestException.of("POST /webhook/set", "callbackUrls", u, "callback URL must be https but was \"" + u + "\"");
        }
      }
    }

    /**
     * An enabled topic.
     *
     * @param url HTTPS callback URL
     * @return the topic
     * @since 0.1.0
     */
    public static Topic enable(String url) {
      return new Topic(true, List.of(url));
    }

    /**
     * A cancelled topic.
     *
     * @return the topic
     * @since 0.1.0
     */
    public static Topic cancel() {
      return new Topic(false, List.of());
    }
  }
}

package dev.dropsync.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses CJ Dropshipping product page URLs into CJ product ids (pid). Recognised forms (http or
 * https, any {@code *.cjdropshipping.com} host, extra query parameters and fragments ignored):
 *
 * <ul>
 *   <li>{@code https://cjdropshipping.com/product/<slug>-p-<PID>.html}
 *   <li>{@code https://cjdropshipping.com/product-detail.html?id=<PID>}
 *   <li>{@code https://app.cjdropshipping.com/product-detail.html?pid=<PID>}
 * </ul>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class CjProductUrls {
  private static final Pattern SLUG_FORM = Pattern.compile("^/product/(?:.*-)?p-([0-9A-Za-z][0-9A-Za-z-]*)\\.html$");
  private static final Pattern ID = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z-]*$");

  private CjProductUrls() {}

  /**
   * The CJ product id in {@code url}, or empty if {@code url} is not a CJ product URL.
   *
   * @param url the URL as pasted by a user (surrounding blanks are ignored)
   */
  public static Optional<String> productId(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme();
    String host = uri.getHost();
    String path = uri.getPath();
    if (scheme == null || host == null || path == null) {
      return Optional.empty();
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    host = host.toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http"))
        || !(host.equals("cjdropshipping.com") || host.endsWith(".cjdropshipping.com"))) {
      return Optional.empty();
    }
    Matcher m = SLUG_FORM.matcher(path);
    if (m.matches()) {
      return Optional.of(m.group(1));
    }
    if (path.equals("/product-detail.html") || path.equals("/product-detail")) {
      String query = uri.getRawQuery();
      if (query == null) {
        return Optional.empty();
      }
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String key = pair.substring(0, eq);
        String value = pair.substring(eq + 1);
        if ((key.equals("pid") || key.equals("id")) && ID.matcher(value).matches()) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The CJ product id in {@code url}.
   *
   * @throws UnrecognizedProductUrlException naming the URL if it is not a CJ product URL
   */
  public static String requireProductId(String url) {
    return productId(url).orElseThrow(() -> new UnrecognizedProductUrlException(url));
  }
}

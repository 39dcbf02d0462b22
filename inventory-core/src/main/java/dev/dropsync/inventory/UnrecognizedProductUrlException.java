package dev.dropsync.inventory;

/**
 * A product URL that the supplier catalog cannot resolve to a product id.
 *
 * @since 0.1.0
 */
public class UnrecognizedProductUrlException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** @param url the URL as given */
  public UnrecognizedProductUrlException(String url) {
    super("url", url, "is not a recognised supplier product URL");
  }
}

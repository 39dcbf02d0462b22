package dev.dropsync.cj.model;

import dev.dropsync.cj.CjInvalidRequestException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Input of {@code POST /logistic/freightCalculate}.
 *
 * @param startCountryCode origin warehouse country (e.g. {@code CN})
 * @param endCountryCode destination country (e.g. {@code US})
 * @param zip destination postcode, or {@code null}
 * @param items variants and quantities (at least one)
 * @since 0.1.0
 */
public record FreightRequest(String startCountryCode, String endCountryCode, @Nullable String zip, List<Item> items) {
  private static final String EP = "POST /logistic/freightCalculate";

  /**
   * Validates the request.
   *
   * @throws CjInvalidRequestException naming the field and value when a country is blank, there are
   *     no items, a vid is blank or a quantity is below 1
   *
   * @param startCountryCode see the record component
   * @param endCountryCode see the record component
   * @param zip see the record component
   * @param items see the record component
   */
  public FreightRequest {
    if (startCountryCode == null || startCountryCode.isBlank()) {
      throw CjInvalidRequestException.of(EP, "startCountryCode", startCountryCode, "startCountryCode is required but was \"" + startCountryCode + "\"");
    }
    if (endCountryCode == null || endCountryCode.isBlank()) {
      throw CjInvalidRequestException.of(EP, "endCountryCode", endCountryCode, "endCountryCode is required but was \"" + endCountryCode + "\"");
    }
    if (items == null || items.isEmpty()) {
      throw CjInvalidRequestException.of(EP, "items", "[]", "items must contain at least one variant");
    }
    items = List.copyOf(items);
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (it.quantity() < 1) {
        throw CjInvalidRequestException.of(EP, "items[" + i + "].quantity", it.quantity(),
            "quantity must be >= 1 but was " + it.quantity() + " (line " + (i + 1) + ", vid \"" + it.vid() + "\")");
      }
    }
  }

  /**
   * A variant and quantity to quote.
   *
   * @param vid variant id
   * @param quantity units, at least 1 (checked by {@link FreightRequest})
   * @since 0.1.0
   */
  public record Item(String vid, int quantity) {
    /**
     * Validates the vid.
     *
     * @throws CjInvalidRequestException when the vid is blank
     *
     * @param vid see the record component
     * @param quantity see the record component
     */
    public Item {
      if (vid == null || vid.isBlank()) {
        throw CjInvalidRequestException.of(EP, "vid", vid, "vid is required but was \"" + vid + "\"");
      }
    }
  }
}

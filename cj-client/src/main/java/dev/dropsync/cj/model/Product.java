package dev.dropsync.cj.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A product as listed by {@code /product/list} or {@code /product/listV2} (which renames fields; both
 * map here).
 *
 * @param pid product id (UUID or 19-digit number, as text)
 * @param nameEn English name
 * @param names names decoded from CJ's JSON-in-string {@code productName} (may be empty)
 * @param sku product SKU, or {@code null}
 * @param imageUrl main image URL, or {@code null}
 * @param weightGrams weight in grams, or {@code null}
 * @param sellPrice USD sell price, possibly a range
 * @param categoryId category id, or {@code null}
 * @param freeShipping whether CJ ships free, or {@code null}
 * @param saleStatus CJ sale status code as text, or {@code null}
 * @param createdAt creation time, or {@code null}
 * @since 0.1.0
 */
public record Product(
    String pid,
    String nameEn,
    List<String> names,
    @Nullable String sku,
    @Nullable String imageUrl,
    @Nullable BigDecimal weightGrams,
    @Nullable PriceRange sellPrice,
    @Nullable String categoryId,
    @Nullable Boolean freeShipping,
    @Nullable String saleStatus,
    @Nullable Instant createdAt) {
  /**
   * Copies lists immutably.
   *
   * @param pid see the record component
   * @param nameEn see the record component
   * @param names see the record component
   * @param sku see the record component
   * @param imageUrl see the record component
   * @param weightGrams see the record component
   * @param sellPrice see the record component
   * @param categoryId see the record component
   * @param freeShipping see the record component
   * @param saleStatus see the record component
   * @param createdAt see the record component
   */
  public Product {
    names = List.copyOf(names);
  }
}

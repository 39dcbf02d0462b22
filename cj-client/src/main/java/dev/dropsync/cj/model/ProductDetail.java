package dev.dropsync.cj.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A product with its variants, from {@code GET /product/query}.
 *
 * @param pid product id
 * @param nameEn English name
 * @param names names decoded from JSON-in-string {@code productName}
 * @param sku product SKU, or {@code null}
 * @param imageUrl main image, or {@code null}
 * @param weightGrams weight in grams, or {@code null}
 * @param sellPrice USD sell price (may be a range), or {@code null}
 * @param suggestSellPrice suggested retail price range, or {@code null}
 * @param status CJ status as text (3 = on sale), or {@code null}
 * @param categoryId category id, or {@code null}
 * @param categoryName name of the (leaf) category, or {@code null}
 * @param createdAt creation time, or {@code null}
 * @param variants the variants (immutable)
 * @since 0.1.0
 */
public record ProductDetail(
    String pid,
    String nameEn,
    List<String> names,
    @Nullable String sku,
    @Nullable String imageUrl,
    @Nullable BigDecimal weightGrams,
    @Nullable PriceRange sellPrice,
    @Nullable PriceRange suggestSellPrice,
    @Nullable String status,
    @Nullable String categoryId,
    @Nullable String categoryName,
    @Nullable Instant createdAt,
    List<Variant> variants) {
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
   * @param suggestSellPrice see the record component
   * @param status see the record component
   * @param categoryId see the record component
   * @param categoryName see the record component
   * @param createdAt see the record component
   * @param variants see the record component
   */
  public ProductDetail {
    names = List.copyOf(names);
    variants = List.copyOf(variants);
  }

  /**
   * The 0.1.0 constructor without {@code categoryName} (set to {@code null}); kept for source
   * compatibility.
   *
   * @param pid see the record component
   * @param nameEn see the record component
   * @param names see the record component
   * @param sku see the record component
   * @param imageUrl see the record component
   * @param weightGrams see the record component
   * @param sellPrice see the record component
   * @param suggestSellPrice see the record component
   * @param status see the record component
   * @param categoryId see the record component
   * @param createdAt see the record component
   * @param variants see the record component
   * @since 0.1.0
   */
  public ProductDetail(String pid, String nameEn, List<String> names, @Nullable String sku, @Nullable String imageUrl,
      @Nullable BigDecimal weightGrams, @Nullable PriceRange sellPrice, @Nullable PriceRange suggestSellPrice,
      @Nullable String status, @Nullable String categoryId, @Nullable Instant createdAt, List<Variant> variants) {
    this(pid, nameEn, names, sku, imageUrl, weightGrams, sellPrice, suggestSellPrice, status, categoryId, null,
        createdAt, variants);
  }
}

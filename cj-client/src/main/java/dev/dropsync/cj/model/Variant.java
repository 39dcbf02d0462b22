package dev.dropsync.cj.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A product variant (SKU).
 *
 * @param vid variant id (19-digit number or UUID, as text)
 * @param pid product id, or {@code null} when not sent
 * @param sku variant SKU, or {@code null}
 * @param variantKey raw variant key as CJ sent it, or {@code null}
 * @param keyParts variant key decoded from JSON-in-string ({@code "[\"XS\"]"} → [XS]; plain text → one element)
 * @param sellPrice USD price, or {@code null}
 * @param weightGrams weight in grams, or {@code null}
 * @param createdAt creation time, or {@code null}
 * @param inventories per-country inventory when requested with {@code enable_inventory}
 * @since 0.1.0
 */
public record Variant(
    String vid,
    @Nullable String pid,
    @Nullable String sku,
    @Nullable String variantKey,
    List<String> keyParts,
    @Nullable BigDecimal sellPrice,
    @Nullable BigDecimal weightGrams,
    @Nullable Instant createdAt,
    List<VariantInventory> inventories) {
  /**
   * Copies lists immutably.
   *
   * @param vid see the record component
   * @param pid see the record component
   * @param sku see the record component
   * @param variantKey see the record component
   * @param keyParts see the record component
   * @param sellPrice see the record component
   * @param weightGrams see the record component
   * @param createdAt see the record component
   * @param inventories see the record component
   */
  public Variant {
    keyParts = List.copyOf(keyParts);
    inventories = List.copyOf(inventories);
  }
}

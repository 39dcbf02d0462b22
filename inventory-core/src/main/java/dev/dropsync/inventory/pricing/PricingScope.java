package dev.dropsync.inventory.pricing;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.ProductId;
import java.util.Objects;

/**
 * Where a pricing rule applies within a tenant. The most specific rule wins: product, then
 * category, then tenant-wide.
 *
 * @param level tenant-wide, category or product
 * @param key the category name or product id; {@code ""} for tenant-wide
 * @since 0.1.0
 */
public record PricingScope(Level level, String key) {

  /** How specific a scope is. */
  public enum Level {
    /** Every product of the tenant. */
    TENANT,
    /** Products of one category. */
    CATEGORY,
    /** One product. */
    PRODUCT
  }

  /** Validates. @throws InvalidInputException if a category or product key is blank */
  public PricingScope {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(key, "key");
    if (level != Level.TENANT && key.isBlank()) {
      throw new InvalidInputException("key", key, "must not be blank for " + level);
    }
    if (level == Level.TENANT) {
      key = "";
    }
  }

  /** The tenant-wide scope. */
  public static PricingScope tenant() {
    return new PricingScope(Level.TENANT, "");
  }

  /** The scope of one category. */
  public static PricingScope category(String category) {
    return new PricingScope(Level.CATEGORY, category);
  }

  /** The scope of one product. */
  public static PricingScope product(ProductId product) {
    return new PricingScope(Level.PRODUCT, product.value());
  }
}

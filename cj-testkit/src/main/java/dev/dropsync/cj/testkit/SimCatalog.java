package dev.dropsync.cj.testkit;

import dev.dropsync.cj.testkit.internal.Catalog;
import dev.dropsync.cj.testkit.internal.SimEngine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The simulator's product catalogue: read its seeded ids and change stock, prices and availability from a
 * test. Changes are visible to the next API call.
 *
 * <p>Thread-safe. Unknown ids raise {@link java.util.NoSuchElementException} naming the id.
 *
 * @since 0.1.0
 */
public final class SimCatalog {
  private final SimEngine engine;

  SimCatalog(SimEngine engine) {
    this.engine = engine;
  }

  private Catalog c() {
    return engine.catalogLocked();
  }

  /**
   * Every product id (pid) in catalogue order; a mix of upper-case UUIDs and 19-digit numbers.
   *
   * @return every product id (pid) in catalogue order; a mix of upper-case UUIDs and 19-digit numbers
   * @since 0.1.0
   */
  public List<String> productIds() {
    synchronized (engine.lock()) {
      return List.copyOf(c().productIds());
    }
  }

  /**
   * The variant ids (vid) of product {@code pid}.
   *
   * @param pid the pid
   * @return the variant ids (vid) of product {@code pid}
   * @throws java.util.NoSuchElementException if the product does not exist
   * @since 0.1.0
   */
  public List<String> variantIds(String pid) {
    synchronized (engine.lock()) {
      return List.copyOf(c().variantIds(pid));
    }
  }

  /**
   * Variant ids with stock above zero, of online products.
   *
   * @return variant ids with stock above zero, of online products
   * @since 0.1.0
   */
  public List<String> inStockVariantIds() {
    synchronized (engine.lock()) {
      return List.copyOf(c().variantIdsWhere(true));
    }
  }

  /**
   * Variant ids with zero stock, of online products (about one product in ten is seeded out of stock).
   *
   * @return variant ids with zero stock, of online products (about one product in ten is seeded out of stock)
   * @since 0.1.0
   */
  public List<String> outOfStockVariantIds() {
    synchronized (engine.lock()) {
      return List.copyOf(c().variantIdsWhere(false));
    }
  }

  /**
   * The product SKU of {@code pid}, e.g. {@code "CJAB1000042"}.
   *
   * @param pid the pid
   * @return the product SKU of {@code pid}, e.g. {@code "CJAB1000042"}
   * @since 0.1.0
   */
  public String productSku(String pid) {
    synchronized (engine.lock()) {
      return Catalog.productSku(c().requireProduct(pid));
    }
  }

  /**
   * The variant SKU of {@code vid}.
   *
   * @param vid the vid
   * @return the variant SKU of {@code vid}
   * @since 0.1.0
   */
  public String variantSku(String vid) {
    synchronized (engine.lock()) {
      return Catalog.variantSku(c().requireVariant(vid));
    }
  }

  /**
   * The product id that owns variant {@code vid}.
   *
   * @param vid the vid
   * @return the product id that owns variant {@code vid}
   * @since 0.1.0
   */
  public String productIdOf(String vid) {
    synchronized (engine.lock()) {
      return Catalog.pidOf(c().requireVariant(vid));
    }
  }

  /**
   * Total stock of {@code vid} over all warehouses (CJ plus factory inventory).
   *
   * @param vid the vid
   * @return total stock of {@code vid} over all warehouses (CJ plus factory inventory)
   * @since 0.1.0
   */
  public int stock(String vid) {
    synchronized (engine.lock()) {
      return Catalog.stock(c().requireVariant(vid));
    }
  }

  /**
   * Sets the stock of {@code vid} to {@code quantity} in the China warehouse and zero elsewhere.
   *
   * @param vid the vid
   * @param quantity the quantity
   * @throws IllegalArgumentException if {@code quantity} is negative
   * @since 0.1.0
   */
  public void setStock(String vid, int quantity) {
    checkQuantity(quantity);
    synchronized (engine.lock()) {
      Catalog.setStock(c().requireVariant(vid), quantity);
    }
  }

  /**
   * Sets the stock of {@code vid} in one warehouse country ({@code "CN"} or {@code "US"}).
   *
   * @param vid the vid
   * @param countryCode the country code
   * @param quantity the quantity
   * @throws IllegalArgumentException if {@code quantity} is negative or the country is not CN/US
   * @since 0.1.0
   */
  public void setStock(String vid, String countryCode, int quantity) {
    checkQuantity(quantity);
    synchronized (engine.lock()) {
      Catalog.setStock(c().requireVariant(vid), Objects.requireNonNull(countryCode, "countryCode"), quantity);
    }
  }

  private static void checkQuantity(int quantity) {
    if (quantity < 0) {
      throw new IllegalArgumentException("quantity must be >= 0 but was " + quantity);
    }
  }

  /**
   * The sell price of {@code vid} in USD.
   *
   * @param vid the vid
   * @return the sell price of {@code vid} in USD
   * @since 0.1.0
   */
  public BigDecimal price(String vid) {
    synchronized (engine.lock()) {
      return Catalog.price(c().requireVariant(vid));
    }
  }

  /**
   * Sets the sell price of {@code vid} (USD, rounded half-up to cents). Different prices across a
   * product's variants show up as a range ({@code "15.16 -- 15.17"}) in listV2.
   *
   * @param vid the vid
   * @param price the price
   * @throws IllegalArgumentException if {@code price} is not positive
   * @since 0.1.0
   */
  public void setPrice(String vid, BigDecimal price) {
    Objects.requireNonNull(price, "price");
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("price must be > 0 but was " + price);
    }
    synchronized (engine.lock()) {
      Catalog.setPrice(c().requireVariant(vid), price);
    }
  }

  /**
   * Takes product {@code pid} offline: it leaves the lists, reads answer 1602001 and createOrder with one of
   * its variants answers 1602002.
   *
   * @param pid the pid
   * @since 0.1.0
   */
  public void takeOffline(String pid) {
    synchronized (engine.lock()) {
      Catalog.setOffline(c().requireProduct(pid), true);
    }
  }

  /**
   * Puts an offline product back on sale.
   *
   * @param pid the pid
   * @since 0.1.0
   */
  public void putOnline(String pid) {
    synchronized (engine.lock()) {
      Catalog.setOffline(c().requireProduct(pid), false);
    }
  }

  /**
   * Whether product {@code pid} is offline.
   *
   * @param pid the pid
   * @return whether product {@code pid} is offline
   * @since 0.1.0
   */
  public boolean isOffline(String pid) {
    synchronized (engine.lock()) {
      return Catalog.offline(c().requireProduct(pid));
    }
  }

  /**
   * Adds a product at the end of the catalogue.
   *
   * @param nameEn English name
   * @param price sell price of every variant, USD
   * @param variants number of variants, 1..24
   * @param stockPerVariant China-warehouse stock of each variant, &gt;= 0
   * @return the new product's pid (an upper-case UUID)
   * @throws IllegalArgumentException on a blank name, non-positive price or out-of-range counts
   * @since 0.1.0
   */
  public String addProduct(String nameEn, BigDecimal price, int variants, int stockPerVariant) {
    if (nameEn == null || nameEn.isBlank()) {
      throw new IllegalArgumentException("nameEn is blank");
    }
    Objects.requireNonNull(price, "price");
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("price must be > 0 but was " + price);
    }
    if (variants < 1 || variants > 24) {
      throw new IllegalArgumentException("variants must be 1..24 but was " + variants);
    }
    checkQuantity(stockPerVariant);
    synchronized (engine.lock()) {
      Instant now = engine.config().clock().instant();
      return Catalog.pidOf(c().add(nameEn, price, variants, stockPerVariant, now).variantsFirst());
    }
  }

  /**
   * Number of products (online and offline).
   *
   * @return number of products (online and offline)
   * @since 0.1.0
   */
  public int size() {
    synchronized (engine.lock()) {
      return c().products().size();
    }
  }
}

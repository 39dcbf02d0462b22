package dev.dropsync.cj.testkit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** The seeded product catalogue. Not thread-safe: guarded by the engine lock. */
public final class Catalog {

  /** A warehouse CJ stocks goods in. */
  public record Warehouse(int areaId, String areaEn, String countryCode, String countryNameEn) {}

  public static final Warehouse CN = new Warehouse(1, "China Warehouse", "CN", "China");
  public static final Warehouse US = new Warehouse(2, "US Warehouse", "US", "United States");

  /** One product. */
  public static final class Product {
    String pid = "";
    String sku = "";
    String nameEn = "";
    String nameCn = "";
    String categoryId = "";
    String categoryName = "";
    String image = "";
    int weight;
    Instant created = Instant.EPOCH;
    boolean freeShipping;
    boolean offline;
    int listedNum;
    final List<Variant> variants = new ArrayList<>();

    public Variant variantsFirst() {
      return variants.get(0);
    }
  }

  /** One variant with per-warehouse stock {cj, factory}. */
  public static final class Variant {
    String vid = "";
    String sku = "";
    String key = "";
    String nameEn = "";
    BigDecimal price = BigDecimal.ZERO;
    int weight;
    int length;
    int width;
    int height;
    Instant created = Instant.EPOCH;
    String stockId = "";
    Product product = new Product();
    final Map<Warehouse, int[]> stock = new LinkedHashMap<>();

    int total() {
      int t = 0;
      for (int[] s : stock.values()) {
        t += s[0] + s[1];
      }
      return t;
    }
  }

  private static final String[] ADJ = {
    "Cozy", "Classic", "Vintage", "Slim", "Sporty", "Elegant", "Casual", "Portable", "Smart", "Mini", "Soft",
    "Waterproof"
  };
  private static final String[] NOUN = {
    "Cat Ear Hoodie", "Yoga Pants", "Phone Case", "LED Desk Lamp", "Pet Bed", "Water Bottle", "Backpack",
    "Wireless Earbuds", "Sun Hat", "Kitchen Scale", "Phone Holder", "Sneakers", "Wall Clock", "Scarf"
  };
  private static final String[] CN_NAMES = {"卫衣", "瑜伽裤", "手机壳", "台灯", "宠物床", "水杯", "背包", "耳机"};
  private static final String[][] CATEGORIES = {
    {"2252588B-72E1-4A2B-9C4F-1A2B3C4D5E6F", "Hoodies & Sweatshirts"},
    {"87CF251F-8D11-4DE0-A154-9694D9858EB3", "Phone Accessories"},
    {"A50A92FA-BCB3-4716-9BD9-BEC629BEE735", "Home & Garden"},
    {"C3E5D9B1-0F4A-4E8B-8D2C-6B7A5F4E3D2C", "Pet Supplies"},
    {"1357B2A4-9C8D-4E6F-A1B2-C3D4E5F60718", "Sports & Outdoors"}
  };
  private static final String[] COLORS = {"Black", "White", "Red", "Blue", "Green", "Pink"};
  private static final String[] SIZES = {"S", "M", "L", "XL"};

  private final List<Product> products = new ArrayList<>();
  private final Map<String, Product> byPid = new LinkedHashMap<>();
  private final Map<String, Variant> byVid = new LinkedHashMap<>();
  private final Map<String, Product> bySku = new LinkedHashMap<>();
  private final Map<String, Variant> byVariantSku = new LinkedHashMap<>();
  private final SplittableRandom random;
  private final Instant epoch;
  private int serial;

  public Catalog(long seed, int count, Instant now) {
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.epoch = now;
    for (int i = 0; i < count; i++) {
      generate();
    }
  }

  public List<Product> products() {
    return products;
  }

  public @Nullable Product product(String pid) {
    return byPid.get(pid);
  }

  public @Nullable Variant variant(String vid) {
    return byVid.get(vid);
  }

  public @Nullable Product productBySku(String sku) {
    return bySku.get(sku);
  }

  public @Nullable Variant variantBySku(String sku) {
    return byVariantSku.get(sku);
  }

  private Product generate() {
    int i = serial++;
    Product p = new Product();
    p.pid = i % 3 == 2 ? digits19() : uuid();
    p.sku = "CJ" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))
        + String.format(Locale.ROOT, "%07d", 1_000_000 + i);
    String noun = NOUN[random.nextInt(NOUN.length)];
    p.nameEn = ADJ[random.nextInt(ADJ.length)] + " " + noun + " " + (i + 1);
    p.nameCn = CN_NAMES[random.nextInt(CN_NAMES.length)];
    String[] cat = CATEGORIES[random.nextInt(CATEGORIES.length)];
    p.categoryId = cat[0];
    p.categoryName = cat[1];
    p.image = "https://cf.cjdropshipping.com/" + p.sku.toLowerCase(Locale.ROOT) + ".jpg";
    p.weight = 50 + random.nextInt(1950);
    p.created = epoch.minusSeconds(86_400L * (1 + random.nextInt(2000)) + random.nextInt(86_400));
    p.freeShipping = random.nextInt(5) == 0;
    p.listedNum = random.nextInt(5000);
    boolean outOfStock = random.nextInt(10) == 0;
    boolean priceRange = random.nextInt(4) == 0;
    int variants = 1 + random.nextInt(4);
    BigDecimal base = BigDecimal.valueOf(100 + random.nextInt(9900), 2);
    boolean plainKey = random.nextBoolean();
    for (int v = 0; v < variants; v++) {
      String color = COLORS[(i + v) % COLORS.length];
      String size = SIZES[v % SIZES.length];
      BigDecimal price = priceRange ? base.add(BigDecimal.valueOf(v, 2)) : base;
      int[] stock = outOfStock ? new int[] {0, 0} : new int[] {random.nextInt(2000), random.nextInt(300)};
      Variant var = newVariant(p, plainKey ? color + "-" + size : "[\"" + size + "\"]", price, stock);
      if (!outOfStock && random.nextInt(3) == 0) {
        var.stock.put(US, new int[] {random.nextInt(200), 0});
      }
    }
    register(p);
    return p;
  }

  private Variant newVariant(Product p, String key, BigDecimal price, int[] cnStock) {
    Variant var = new Variant();
    var.product = p;
    var.vid = random.nextInt(8) == 0 ? uuid() : digits19();
    var.key = key;
    String keyText = key.startsWith("[") ? key.substring(2, key.length() - 2) : key;
    var.sku = p.sku + "-" + keyText;
    var.nameEn = p.nameEn + " " + keyText;
    var.price = price.setScale(2, RoundingMode.HALF_UP);
    var.weight = p.weight;
    var.length = 100 + random.nextInt(300);
    var.width = 50 + random.nextInt(200);
    var.height = 10 + random.nextInt(100);
    var.created = p.created.plusSeconds(3600L * (1 + random.nextInt(200)));
    var.stockId = "{" + uuid() + "}";
    var.stock.put(CN, cnStock);
    p.variants.add(var);
    return var;
  }

  private void register(Product p) {
    products.add(p);
    byPid.put(p.pid, p);
    bySku.put(p.sku, p);
    for (Variant v : p.variants) {
      byVid.put(v.vid, v);
      byVariantSku.put(v.sku, v);
    }
  }

  public Product add(String nameEn, BigDecimal price, int variants, int stockPerVariant, Instant now) {
    Product p = new Product();
    int i = serial++;
    p.pid = uuid();
    p.sku = "CJSIM" + String.format(Locale.ROOT, "%07d", 1_000_000 + i);
    p.nameEn = nameEn;
    p.nameCn = "测试商品";
    p.categoryId = CATEGORIES[0][0];
    p.categoryName = CATEGORIES[0][1];
    p.image = "https://cf.cjdropshipping.com/" + p.sku.toLowerCase(Locale.ROOT) + ".jpg";
    p.weight = 300;
    p.created = now;
    for (int v = 0; v < variants; v++) {
      newVariant(p, COLORS[v % COLORS.length] + "-" + SIZES[v % SIZES.length], price,
          new int[] {stockPerVariant, 0}).created = now;
    }
    register(p);
    return p;
  }

  // ---- public operations used by SimCatalog (caller holds the engine lock)

  public List<String> productIds() {
    List<String> out = new ArrayList<>();
    for (Product p : products) {
      out.add(p.pid);
    }
    return out;
  }

  public Product requireProduct(String pid) {
    Product p = byPid.get(pid);
    if (p == null) {
      throw new java.util.NoSuchElementException("no product with pid " + pid);
    }
    return p;
  }

  public Variant requireVariant(String vid) {
    Variant v = byVid.get(vid);
    if (v == null) {
      throw new java.util.NoSuchElementException("no variant with vid " + vid);
    }
    return v;
  }

  public List<String> variantIds(String pid) {
    List<String> out = new ArrayList<>();
    for (Variant v : requireProduct(pid).variants) {
      out.add(v.vid);
    }
    return out;
  }

  public List<String> variantIdsWhere(boolean inStock) {
    List<String> out = new ArrayList<>();
    for (Product p : products) {
      if (p.offline) {
        continue;
      }
      for (Variant v : p.variants) {
        if ((v.total() > 0) == inStock) {
          out.add(v.vid);
        }
      }
    }
    return out;
  }

  public static String productSku(Product p) {
    return p.sku;
  }

  public static String variantSku(Variant v) {
    return v.sku;
  }

  public static String pidOf(Variant v) {
    return v.product.pid;
  }

  public static int stock(Variant v) {
    return v.total();
  }

  public static int stock(Variant v, String countryCode) {
    for (Map.Entry<Warehouse, int[]> e : v.stock.entrySet()) {
      if (e.getKey().countryCode().equals(countryCode)) {
        return e.getValue()[0] + e.getValue()[1];
      }
    }
    return 0;
  }

  public static void setStock(Variant v, String countryCode, int quantity) {
    Warehouse w = "CN".equals(countryCode) ? CN : "US".equals(countryCode) ? US : null;
    if (w == null) {
      throw new IllegalArgumentException("countryCode must be CN or US but was " + countryCode);
    }
    v.stock.put(w, new int[] {quantity, 0});
  }

  public static void setStock(Variant v, int quantity) {
    v.stock.replaceAll((w, s) -> new int[] {0, 0});
    v.stock.put(CN, new int[] {quantity, 0});
  }

  public static BigDecimal price(Variant v) {
    return v.price;
  }

  public static void setPrice(Variant v, BigDecimal price) {
    v.price = price.setScale(2, RoundingMode.HALF_UP);
  }

  public static boolean offline(Product p) {
    return p.offline;
  }

  public static void setOffline(Product p, boolean offline) {
    p.offline = offline;
  }

  private String uuid() {
    return String.format(Locale.ROOT, "%08X-%04X-%04X-%04X-%012X", random.nextInt() & 0xffffffffL,
        random.nextInt(0x10000), 0x4000 | random.nextInt(0x1000), 0x8000 | random.nextInt(0x4000),
        random.nextLong() & 0xffffffffffffL);
  }

  private String digits19() {
    return "1" + String.format(Locale.ROOT, "%018d", random.nextLong(1_000_000_000_000_000_000L));
  }
}

package dev.dropsync.examples.warehouse;

import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.ShipmentLine;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.fulfillment.TrackingEvent;
import dev.dropsync.fulfillment.spi.CancellationAnswer;
import dev.dropsync.fulfillment.spi.FreightItem;
import dev.dropsync.fulfillment.spi.FreightQuoteRequest;
import dev.dropsync.fulfillment.spi.FreightQuotes;
import dev.dropsync.fulfillment.spi.PlacementResult;
import dev.dropsync.fulfillment.spi.SupplierOrderRequest;
import dev.dropsync.fulfillment.spi.SupplierOrderSnapshot;
import dev.dropsync.fulfillment.spi.SupplierOrders;
import dev.dropsync.inventory.CurrencyMismatchException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.spi.SupplierCatalog;
import dev.dropsync.inventory.spi.SupplierOffer;
import dev.dropsync.inventory.spi.SupplierPage;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierQuery;
import dev.dropsync.inventory.spi.SupplierVariant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A second supplier: a local warehouse whose stock list is a CSV file, plugged into dropsync through
 * the same SPIs as CJ — inventory-core's {@link SupplierCatalog} (products, stock, cost) and
 * fulfillment-core's {@link SupplierOrders} (orders placed, followed, cancelled) and {@link
 * FreightQuotes} (its two local carriers). Products, orders and stock live in memory; a real
 * warehouse adapter would call its WMS where this one changes a map.
 *
 * <p>The CSV has a header line and one row per variant, products grouped by {@code product_id}:
 *
 * <pre>
 * product_id,title,category,variant_id,sku,cost,currency,stock
 * LW-1001,Oak desk lamp,Home/Lighting,LW-1001-BLK,LAMP-OAK-BLK,12.40,USD,25
 * </pre>
 *
 * <p>A product can be {@linkplain #discontinue taken off sale}; it is then offered as unavailable.
 *
 * <p>Orders: a placed order takes the stock at once and is ACCEPTED; it ships {@code handling}
 * after placement (default 1 day) with a tracking number of the chosen carrier, and is delivered
 * the carrier's maximum days after that. An order it cannot fill (unknown variant, not enough stock,
 * a carrier it does not offer, an address outside its country) is rejected with the reason. Placing
 * a reference again returns the order already placed under it. Product page URLs have the form
 * {@code <baseUrl>/products/<product_id>}.
 *
 * <p>Thread-safe: every operation is atomic under one lock.
 *
 * @since 0.1.0
 */
public final class LocalWarehouse implements SupplierCatalog, SupplierOrders, FreightQuotes {
  /** The carriers this warehouse ships with: name, base price, price per extra unit, days. */
  private static final List<Carrier> CARRIERS = List.of(
      new Carrier("Local Courier", "6.90", "1.00", 1, 2),
      new Carrier("Local Ground", "3.90", "0.50", 3, 5));

  private final String supplierId;
  private final String country;
  private final String baseUrl;
  private final Currency currency;
  private final Clock clock;
  private final Duration handling;
  private final Object lock = new Object();
  private final TreeMap<String, SupplierProduct> products = new TreeMap<>();
  private final Map<String, String> productOfVariant = new HashMap<>();
  private final Map<String, Long> stock = new HashMap<>();
  private final Map<String, Money> cost = new HashMap<>();
  private final Map<String, PlacedOrder> orders = new HashMap<>();
  private final java.util.Set<String> discontinued = new java.util.HashSet<>();
  private long orderSeq;

  private record Carrier(String name, String base, String perExtraUnit, int minDays, int maxDays) {}

  private static final class PlacedOrder {
    final TenantId tenant;
    final String reference;
    final String id;
    final List<ShipmentLine> lines;
    final Carrier carrier;
    final Instant placedAt;
    @Nullable Instant cancelledAt;

    PlacedOrder(TenantId tenant, String reference, String id, List<ShipmentLine> lines, Carrier carrier, Instant placedAt) {
      this.tenant = tenant;
      this.reference = reference;
      this.id = id;
      this.lines = lines;
      this.carrier = carrier;
      this.placedAt = placedAt;
    }
  }

  private LocalWarehouse(String supplierId, String country, String baseUrl, Currency currency, Clock clock,
      Duration handling) {
    this.supplierId = supplierId;
    this.country = country;
    this.baseUrl = baseUrl;
    this.currency = currency;
    this.clock = clock;
    this.handling = handling;
  }

  /**
   * A warehouse in the US ({@code "US"}, USD) whose product pages live under {@code
   * https://warehouse.example.com}, stocked from {@code csv}.
   *
   * @param supplierId the supplier key stored on its products and orders, e.g. {@code "local-wh"}
   * @param csv the stock list (read fully, not closed)
   * @param clock the clock orders move on
   * @return the warehouse
   * @throws InvalidInputException naming the line and column of the first bad value
   * @throws UncheckedIOException if reading fails
   * @since 0.1.0
   */
  public static LocalWarehouse fromCsv(String supplierId, Reader csv, Clock clock) {
    return fromCsv(supplierId, csv, clock, "US", "https://warehouse.example.com", Duration.ofDays(1));
  }

  /**
   * A warehouse stocked from {@code csv}.
   *
   * @param supplierId the supplier key, not blank
   * @param csv the stock list (read fully, not closed)
   * @param clock the clock orders move on
   * @param country ISO country code it ships to and from, e.g. {@code "US"}
   * @param baseUrl where its product pages live, e.g. {@code https://warehouse.example.com}
   * @param handling time from placement to shipment, positive
   * @return the warehouse
   * @throws InvalidInputException naming the line and column of the first bad value, or a bad
   *     argument
   * @throws UncheckedIOException if reading fails
   * @since 0.1.0
   */
  public static LocalWarehouse fromCsv(String supplierId, Reader csv, Clock clock, String country, String baseUrl,
      Duration handling) {
    if (supplierId == null || supplierId.isBlank()) {
      throw new InvalidInputException("supplierId", supplierId, "must not be blank");
    }
    if (country == null || !country.matches("[A-Z]{2}")) {
      throw new InvalidInputException("country", country, "must be a two-letter ISO code");
    }
    if (handling == null || handling.isNegative() || handling.isZero()) {
      throw new InvalidInputException("handling", handling, "must be positive");
    }
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(baseUrl, "baseUrl");
    List<String[]> rows = read(csv);
    Currency currency = null;
    Map<String, List<SupplierVariant>> variants = new LinkedHashMap<>();
    Map<String, String[]> heads = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      int line = i + 2;
      Money unitCost;
      long units;
      try {
        unitCost = Money.of(r[5], r[6]);
      } catch (RuntimeException e) {
        throw new InvalidInputException("cost/currency (line " + line + ")", r[5] + " " + r[6], "must be an amount and an ISO currency");
      }
      try {
        units = Long.parseLong(r[7]);
      } catch (NumberFormatException e) {
        throw new InvalidInputException("stock (line " + line + ")", r[7], "must be a whole number");
      }
      if (currency == null) {
        currency = unitCost.currency();
      } else if (!currency.equals(unitCost.currency())) {
        throw new InvalidInputException("currency (line " + line + ")", r[6], "must be " + currency + " like the first row");
      }
      String[] head = heads.putIfAbsent(r[0], r);
      if (head != null && !(head[1].equals(r[1]) && head[2].equals(r[2]))) {
        throw new InvalidInputException("title/category (line " + line + ")", r[1],
            "must repeat the first row of product " + r[0]);
      }
      try {
        variants.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new SupplierVariant(r[3], r[4], unitCost, units));
      } catch (InvalidInputException e) {
        throw new InvalidInputException("line " + line, String.join(",", r), String.valueOf(e.getMessage()));
      }
    }
    if (currency == null) {
      throw new InvalidInputException("csv", "", "must have at least one variant row");
    }
    LocalWarehouse w = new LocalWarehouse(supplierId, country, baseUrl.replaceAll("/+$", ""), currency, clock, handling);
    for (Map.Entry<String, List<SupplierVariant>> e : variants.entrySet()) {
      String[] head = Objects.requireNonNull(heads.get(e.getKey()));
      w.add(new SupplierProduct(e.getKey(), head[1], List.of(head[2].split("/")), e.getValue()));
    }
    return w;
  }

  private static List<String[]> read(Reader csv) {
    List<String[]> rows = new ArrayList<>();
    try {
      BufferedReader in = csv instanceof BufferedReader b ? b : new BufferedReader(csv);
      String header = in.readLine();
      String expected = "product_id,title,category,variant_id,sku,cost,currency,stock";
      if (header == null || !header.strip().equals(expected)) {
        throw new InvalidInputException("header (line 1)", header, "must be " + expected);
      }
      String line;
      int n = 1;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != 8) {
          throw new InvalidInputException("line " + n, line, "must have 8 comma-separated values");
        }
        for (int i = 0; i < cells.length; i++) {
          cells[i] = cells[i].strip();
          if (cells[i].isEmpty()) {
            throw new InvalidInputException("line " + n + " column " + (i + 1), line, "must not have an empty value");
          }
        }
        rows.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stock list", e);
    }
    return rows;
  }

  private void add(SupplierProduct p) {
    products.put(p.supplierProductId(), p);
    for (SupplierVariant v : p.variants()) {
      if (productOfVariant.putIfAbsent(v.supplierVariantId(), p.supplierProductId()) != null) {
        throw new InvalidInputException("variant_id", v.supplierVariantId(), "must be unique in the stock list");
      }
      stock.put(v.supplierVariantId(), v.stock());
      cost.put(v.supplierVariantId(), v.cost());
    }
  }

  // ------------------------------------------------------------------ stock list changes

  /**
   * Sets a variant's units on hand (a delivery arrived, a count was corrected).
   *
   * @param variantId the warehouse's variant id
   * @param units at least 0
   * @throws NotFoundException if the variant is unknown
   * @throws InvalidInputException if {@code units} is negative
   * @since 0.1.0
   */
  public void setStock(String variantId, long units) {
    if (units < 0) {
      throw new InvalidInputException("units", units, "must be >= 0");
    }
    synchronized (lock) {
      requireVariant(variantId);
      stock.put(variantId, units);
    }
  }

  /**
   * Sets a variant's unit cost.
   *
   * @param variantId the warehouse's variant id
   * @param unitCost in the warehouse's currency, not negative
   * @throws NotFoundException if the variant is unknown
   * @throws CurrencyMismatchException if the currency is not the warehouse's
   * @since 0.1.0
   */
  public void setCost(String variantId, Money unitCost) {
    Objects.requireNonNull(unitCost, "unitCost");
    if (!unitCost.currency().equals(currency)) {
      throw new CurrencyMismatchException(currency, unitCost.currency());
    }
    if (unitCost.isNegative()) {
      throw new InvalidInputException("unitCost", unitCost, "must be >= 0");
    }
    synchronized (lock) {
      requireVariant(variantId);
      cost.put(variantId, unitCost);
    }
  }

  /**
   * Takes a product off sale (or, with {@code false}, back on): its variants are then offered as
   * {@linkplain SupplierOffer#unavailable() unavailable}, so a sync writes stock 0 and keeps the
   * last cost, and orders for them are rejected.
   *
   * @param productId the warehouse's product id
   * @param off whether it is off sale
   * @throws NotFoundException if the product is unknown
   * @since 0.1.0
   */
  public void discontinue(String productId, boolean off) {
    synchronized (lock) {
      if (!products.containsKey(productId)) {
        throw new NotFoundException("productId", String.valueOf(productId));
      }
      if (off) {
        discontinued.add(productId);
      } else {
        discontinued.remove(productId);
      }
    }
  }

  /**
   * Units of a variant on hand now.
   *
   * @param variantId the warehouse's variant id
   * @return the units
   * @throws NotFoundException if the variant is unknown
   * @since 0.1.0
   */
  public long stock(String variantId) {
    synchronized (lock) {
      requireVariant(variantId);
      return stock.getOrDefault(variantId, 0L);
    }
  }

  /**
   * The product page URL of a product.
   *
   * @param productId the warehouse's product id
   * @return {@code <baseUrl>/products/<productId>}
   * @since 0.1.0
   */
  public String productUrl(String productId) {
    return baseUrl + "/products/" + productId;
  }

  /**
   * Every product id, sorted.
   *
   * @return the ids
   * @since 0.1.0
   */
  public List<String> productIds() {
    synchronized (lock) {
      return List.copyOf(products.keySet());
    }
  }

  /**
   * How many orders the warehouse holds for {@code tenant} (any status).
   *
   * @param tenant the tenant
   * @return the count
   * @since 0.1.0
   */
  public int orderCount(TenantId tenant) {
    synchronized (lock) {
      return (int) orders.values().stream().filter(o -> o.tenant.equals(tenant)).count();
    }
  }

  private void requireVariant(String variantId) {
    if (variantId == null || !productOfVariant.containsKey(variantId)) {
      throw new NotFoundException("variantId", String.valueOf(variantId));
    }
  }

  // ------------------------------------------------------------------ SupplierCatalog

  @Override
  public String supplierId() {
    return supplierId;
  }

  @Override
  public Optional<SupplierProduct> product(String supplierProductId) {
    synchronized (lock) {
      SupplierProduct p = products.get(supplierProductId);
      return p == null ? Optional.empty() : Optional.of(current(p));
    }
  }

  private SupplierProduct current(SupplierProduct p) {
    List<SupplierVariant> vs = new ArrayList<>(p.variants().size());
    for (SupplierVariant v : p.variants()) {
      String id = v.supplierVariantId();
      vs.add(new SupplierVariant(id, v.sku(), Objects.requireNonNull(cost.get(id)), stock.getOrDefault(id, 0L)));
    }
    return new SupplierProduct(p.supplierProductId(), p.title(), p.categoryPath(), vs);
  }

  @Override
  public Optional<String> productIdFromUrl(String url) {
    String prefix = baseUrl + "/products/";
    if (url == null || !url.startsWith(prefix)) {
      return Optional.empty();
    }
    String id = url.substring(prefix.length()).replaceAll("[?#].*$", "").replaceAll("/+$", "");
    return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
  }

  @Override
  public SupplierPage search(SupplierQuery query) {
    String keyword = query.keyword().strip().toLowerCase(Locale.ROOT);
    synchronized (lock) {
      List<SupplierProduct> matches = new ArrayList<>();
      for (SupplierProduct p : products.values()) {
        if (keyword.isEmpty() || p.title().toLowerCase(Locale.ROOT).contains(keyword)) {
          matches.add(p);
        }
      }
      int from = (int) Math.min(matches.size(), (long) (query.page() - 1) * query.pageSize());
      int to = Math.min(matches.size(), from + query.pageSize());
      List<SupplierProduct> page = new ArrayList<>();
      for (SupplierProduct p : matches.subList(from, to)) {
        page.add(current(p));
      }
      return new SupplierPage(page, query.page(), query.pageSize(), matches.size());
    }
  }

  @Override
  public Map<String, Long> stockLevels(Collection<String> supplierVariantIds) {
    Map<String, Long> out = new HashMap<>();
    synchronized (lock) {
      for (String id : supplierVariantIds) {
        if (productOfVariant.containsKey(id)) {
          out.put(id, stock.getOrDefault(id, 0L));
        }
      }
    }
    return out;
  }

  @Override
  public Map<String, Money> costs(Collection<String> supplierVariantIds) {
    Map<String, Money> out = new HashMap<>();
    synchronized (lock) {
      for (String id : supplierVariantIds) {
        Money c = cost.get(id);
        if (c != null) {
          out.put(id, c);
        }
      }
    }
    return out;
  }

  /** One consistent read of a product's variants, the warehouse's equivalent of CJ's product query. */
  @Override
  public Map<String, SupplierOffer> offers(String supplierProductId, Collection<String> supplierVariantIds) {
    Map<String, SupplierOffer> out = new HashMap<>();
    synchronized (lock) {
      for (String id : supplierVariantIds) {
        Money c = cost.get(id);
        if (c != null && supplierProductId.equals(productOfVariant.get(id))) {
          out.put(id, discontinued.contains(supplierProductId) ? SupplierOffer.unavailable()
              : SupplierOffer.of(stock.getOrDefault(id, 0L), c));
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ FreightQuotes

  /**
   * Its two carriers' prices for the items, in the warehouse's currency; empty outside its country.
   *
   * @throws CurrencyMismatchException if the request is not in the warehouse's currency
   * @throws NotFoundException if an item's variant is unknown
   * @throws InvalidInputException if the request is for another supplier
   */
  @Override
  public List<FreightOption> quote(FreightQuoteRequest request) {
    requireSupplier(request.supplierId());
    if (!request.currency().equals(currency)) {
      throw new CurrencyMismatchException(currency, request.currency());
    }
    long units = 0;
    synchronized (lock) {
      for (FreightItem item : request.items()) {
        requireVariant(item.supplierVariantId());
        units += item.quantity();
      }
    }
    if (!country.equalsIgnoreCase(request.country()) || units < 1) {
      return List.of();
    }
    List<FreightOption> out = new ArrayList<>();
    for (Carrier c : CARRIERS) {
      out.add(new FreightOption(c.name(), price(c, units), c.minDays(), c.maxDays()));
    }
    return out;
  }

  private Money price(Carrier c, long units) {
    Money base = Money.of(new java.math.BigDecimal(c.base()), currency);
    return base.plus(Money.of(new java.math.BigDecimal(c.perExtraUnit()), currency).times(units - 1));
  }

  // ------------------------------------------------------------------ SupplierOrders

  @Override
  public PlacementResult place(SupplierOrderRequest request) {
    requireSupplier(request.supplierId());
    synchronized (lock) {
      PlacedOrder existing = orders.get(key(request.tenant(), request.reference()));
      if (existing != null) {
        return PlacementResult.created(existing.id);
      }
      Optional<Carrier> carrier = CARRIERS.stream().filter(c -> c.name().equals(request.freight().carrier())).findFirst();
      if (carrier.isEmpty()) {
        return PlacementResult.rejected("carrier \"" + request.freight().carrier() + "\" is not offered by " + supplierId);
      }
      if (!country.equalsIgnoreCase(request.shippingAddress().country())) {
        return PlacementResult.rejected(supplierId + " ships within " + country + " only, not to "
            + request.shippingAddress().country());
      }
      if (request.lines().isEmpty()) {
        return PlacementResult.rejected("an order needs at least one line");
      }
      Map<String, Long> wanted = new HashMap<>();
      for (ShipmentLine l : request.lines()) {
        String product = productOfVariant.get(l.supplierVariantId());
        if (product == null) {
          return PlacementResult.rejected("unknown variant \"" + l.supplierVariantId() + "\"");
        }
        if (discontinued.contains(product)) {
          return PlacementResult.rejected("product " + product + " is no longer sold");
        }
        wanted.merge(l.supplierVariantId(), l.quantity(), Long::sum);
      }
      for (Map.Entry<String, Long> w : wanted.entrySet()) {
        long have = stock.getOrDefault(w.getKey(), 0L);
        if (have < w.getValue()) {
          return PlacementResult.rejected("variant \"" + w.getKey() + "\": " + w.getValue() + " ordered, " + have + " in stock");
        }
      }
      wanted.forEach((variant, units) -> stock.merge(variant, -units, Long::sum));
      orderSeq++;
      String id = supplierId.toUpperCase(Locale.ROOT) + "-" + orderSeq;
      orders.put(key(request.tenant(), request.reference()),
          new PlacedOrder(request.tenant(), request.reference(), id, request.lines(), carrier.get(), clock.instant()));
      return PlacementResult.created(id);
    }
  }

  @Override
  public Optional<SupplierOrderSnapshot> find(TenantId tenant, String supplierId, String reference) {
    requireSupplier(supplierId);
    synchronized (lock) {
      PlacedOrder o = orders.get(key(tenant, reference));
      return o == null ? Optional.empty() : Optional.of(snapshot(o, clock.instant()));
    }
  }

  /**
   * The order's state now.
   *
   * @throws NotFoundException naming {@code reference} if the warehouse has no such order
   */
  @Override
  public SupplierOrderSnapshot status(TenantId tenant, String supplierId, String reference) {
    return find(tenant, supplierId, reference).orElseThrow(() -> new NotFoundException("reference", reference));
  }

  /** Cancels an order that has not shipped yet (its stock goes back on the shelf); refuses later. */
  @Override
  public CancellationAnswer cancel(TenantId tenant, String supplierId, String reference) {
    requireSupplier(supplierId);
    synchronized (lock) {
      PlacedOrder o = orders.get(key(tenant, reference));
      if (o == null) {
        throw new NotFoundException("reference", reference);
      }
      Instant now = clock.instant();
      if (o.cancelledAt != null) {
        return CancellationAnswer.accepted("already cancelled");
      }
      if (!now.isBefore(shipsAt(o))) {
        return CancellationAnswer.refused("already shipped with " + o.carrier.name());
      }
      o.cancelledAt = now;
      for (ShipmentLine l : o.lines) {
        stock.merge(l.supplierVariantId(), l.quantity(), Long::sum);
      }
      return CancellationAnswer.accepted("cancelled before shipping; stock returned");
    }
  }

  private Instant shipsAt(PlacedOrder o) {
    return o.placedAt.plus(handling);
  }

  private SupplierOrderSnapshot snapshot(PlacedOrder o, Instant now) {
    Instant cancelled = o.cancelledAt;
    if (cancelled != null) {
      return new SupplierOrderSnapshot(o.reference, o.id, SupplierOrderStatus.CANCELLED, Tracking.NONE, List.of(), cancelled);
    }
    Instant shipped = shipsAt(o);
    Instant delivered = shipped.plus(Duration.ofDays(o.carrier.maxDays()));
    if (now.isBefore(shipped)) {
      return new SupplierOrderSnapshot(o.reference, o.id, SupplierOrderStatus.ACCEPTED, Tracking.NONE, List.of(), o.placedAt);
    }
    String number = "LW" + o.id.replaceAll("[^0-9]", "") + "US";
    Tracking tracking = new Tracking(number, o.carrier.name(), baseUrl + "/track/" + number);
    if (now.isBefore(delivered)) {
      return new SupplierOrderSnapshot(o.reference, o.id, SupplierOrderStatus.SHIPPED, tracking,
          List.of(new TrackingEvent(shipped, "Picked up by " + o.carrier.name(), country)), shipped);
    }
    return new SupplierOrderSnapshot(o.reference, o.id, SupplierOrderStatus.DELIVERED, tracking,
        List.of(new TrackingEvent(shipped, "Picked up by " + o.carrier.name(), country),
            new TrackingEvent(delivered, "Delivered", country)), delivered);
  }

  private void requireSupplier(String id) {
    if (!supplierId.equals(id)) {
      throw new InvalidInputException("supplierId", id, "must be \"" + supplierId + "\"");
    }
  }

  private static String key(TenantId tenant, String reference) {
    return tenant.value() + "\u0000" + reference;
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "LocalWarehouse[" + supplierId + ", " + country + ", " + products.size() + " products, " + orders.size()
          + " orders]";
    }
  }
}

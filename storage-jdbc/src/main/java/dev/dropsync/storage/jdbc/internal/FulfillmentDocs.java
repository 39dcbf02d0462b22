package dev.dropsync.storage.jdbc.internal;

import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.CommissionSplit;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.EarningsTotals;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.FulfillmentKpis;
import dev.dropsync.fulfillment.FulfillmentStatus;
import dev.dropsync.fulfillment.HoldReason;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderLine;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.Refund;
import dev.dropsync.fulfillment.ShipmentGroup;
import dev.dropsync.fulfillment.ShipmentLine;
import dev.dropsync.fulfillment.StatusChange;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.fulfillment.TrackingEvent;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Maps fulfilment records to and from the JSON documents stored in {@code jsonb} columns. The
 * documents hold every field exactly (instants with nanoseconds, money with its scale), so a row
 * reads back {@code equals} to what was written.
 */
public final class FulfillmentDocs {
  private FulfillmentDocs() {}

  // ---- Order ----------------------------------------------------------------------------------

  public static String orderJson(Order o) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("tenant", o.tenant().value());
    m.put("id", o.id().value());
    m.put("lines", map(o.lines(), l -> obj("variant", l.variant().value(), "quantity", l.quantity(),
        "unitPrice", money(l.unitPrice()))));
    m.put("currency", o.currency().getCurrencyCode());
    m.put("shippingCharge", money(o.shippingCharge()));
    m.put("shippingAddress", address(o.shippingAddress()));
    m.put("customer", obj("name", o.customer().name(), "email", o.customer().email(),
        "locale", o.customer().locale().toLanguageTag()));
    m.put("status", o.status().name());
    m.put("holdReason", o.holdReason() == null ? null : o.holdReason().name());
    m.put("fulfillmentStatus", o.fulfillmentStatus().name());
    List<ReservationLine> allocated = o.allocated();
    m.put("allocated", allocated == null ? null
        : map(allocated, r -> obj("variant", r.variant().value(), "quantity", r.quantity())));
    m.put("shipments", map(o.shipments(), FulfillmentDocs::shipment));
    m.put("reservationCommitted", o.reservationCommitted());
    m.put("cancellationRequested", o.cancellationRequested());
    CommissionSplit c = o.commission();
    m.put("commission", c == null ? null : split(c));
    m.put("refunds", map(o.refunds(), r -> obj("refundId", r.refundId(), "amount", money(r.amount()),
        "reason", r.reason(), "at", r.at().toString())));
    m.put("history", map(o.history(), FulfillmentDocs::change));
    m.put("createdAt", o.createdAt().toString());
    m.put("updatedAt", o.updatedAt().toString());
    m.put("shippedAt", instantOrNull(o.shippedAt()));
    m.put("deliveredAt", instantOrNull(o.deliveredAt()));
    m.put("version", o.version());
    return DocJson.write(m);
  }

  public static Order order(String json) {
    Map<String, @Nullable Object> m = asMap(DocJson.read(json));
    Currency currency = Currency.getInstance(str(m, "currency"));
    Map<String, @Nullable Object> cust = asMap(m.get("customer"));
    @Nullable Object alloc = m.get("allocated");
    @Nullable Object hold = m.get("holdReason");
    @Nullable Object comm = m.get("commission");
    return new Order(
        TenantId.of(str(m, "tenant")),
        OrderId.of(str(m, "id")),
        list(m.get("lines"), l -> new OrderLine(VariantId.of(str(l, "variant")), num(l, "quantity").longValueExact(),
            money(asMap(l.get("unitPrice"))))),
        currency,
        money(asMap(m.get("shippingCharge"))),
        address(asMap(m.get("shippingAddress"))),
        new CustomerContact(str(cust, "name"), str(cust, "email"), Locale.forLanguageTag(str(cust, "locale"))),
        OrderStatus.valueOf(str(m, "status")),
        hold == null ? null : HoldReason.valueOf((String) hold),
        FulfillmentStatus.valueOf(str(m, "fulfillmentStatus")),
        alloc == null ? null : list(alloc, r -> new ReservationLine(VariantId.of(str(r, "variant")),
            num(r, "quantity").longValueExact())),
        list(m.get("shipments"), FulfillmentDocs::shipment),
        bool(m, "reservationCommitted"),
        bool(m, "cancellationRequested"),
        comm == null ? null : split(asMap(comm)),
        list(m.get("refunds"), r -> new Refund(str(r, "refundId"), money(asMap(r.get("amount"))), str(r, "reason"),
            Instant.parse(str(r, "at")))),
        list(m.get("history"), h -> change(h, OrderStatus::valueOf)),
        Instant.parse(str(m, "createdAt")),
        Instant.parse(str(m, "updatedAt")),
        instant(m.get("shippedAt")),
        instant(m.get("deliveredAt")),
        num(m, "version").longValueExact());
  }

  // ---- SupplierOrder --------------------------------------------------------------------------

  public static String supplierOrderJson(SupplierOrder s) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("tenant", s.tenant().value());
    m.put("reference", s.reference());
    m.put("orderId", s.orderId().value());
    m.put("group", (long) s.group());
    m.put("supplierId", s.supplierId());
    m.put("lines", map(s.lines(), FulfillmentDocs::shipmentLine));
    m.put("freight", freight(s.freight()));
    m.put("status", s.status().name());
    m.put("previousStatus", s.previousStatus() == null ? null : s.previousStatus().name());
    m.put("supplierOrderId", s.supplierOrderId());
    m.put("attempts", (long) s.attempts());
    m.put("attemptInFlight", s.attemptInFlight());
    m.put("attemptStartedAt", instantOrNull(s.attemptStartedAt()));
    m.put("lastError", s.lastError());
    m.put("tracking", obj("trackingNumber", s.tracking().trackingNumber(), "carrier", s.tracking().carrier(),
        "trackingUrl", s.tracking().trackingUrl()));
    m.put("events", map(s.events(), e -> obj("at", e.at().toString(), "description", e.description(),
        "location", e.location())));
    m.put("lastUpdateAt", instantOrNull(s.lastUpdateAt()));
    m.put("lastMessageIds", new ArrayList<Object>(s.lastMessageIds()));
    m.put("history", map(s.history(), FulfillmentDocs::change));
    m.put("version", s.version());
    m.put("createdAt", s.createdAt().toString());
    m.put("updatedAt", s.updatedAt().toString());
    return DocJson.write(m);
  }

  public static SupplierOrder supplierOrder(String json) {
    Map<String, @Nullable Object> m = asMap(DocJson.read(json));
    Map<String, @Nullable Object> t = asMap(m.get("tracking"));
    @Nullable Object prev = m.get("previousStatus");
    List<String> messageIds = new ArrayList<>();
    for (@Nullable Object o : asList(m.get("lastMessageIds"))) {
      messageIds.add((String) Objects.requireNonNull(o));
    }
    return new SupplierOrder(
        TenantId.of(str(m, "tenant")),
        str(m, "reference"),
        OrderId.of(str(m, "orderId")),
        num(m, "group").intValueExact(),
        str(m, "supplierId"),
        list(m.get("lines"), FulfillmentDocs::shipmentLine),
        freight(asMap(m.get("freight"))),
        SupplierOrderStatus.valueOf(str(m, "status")),
        prev == null ? null : SupplierOrderStatus.valueOf((String) prev),
        optStr(m, "supplierOrderId"),
        num(m, "attempts").intValueExact(),
        bool(m, "attemptInFlight"),
        instant(m.get("attemptStartedAt")),
        optStr(m, "lastError"),
        new Tracking(optStr(t, "trackingNumber"), optStr(t, "carrier"), optStr(t, "trackingUrl")),
        list(m.get("events"), e -> new TrackingEvent(Instant.parse(str(e, "at")), str(e, "description"),
            optStr(e, "location"))),
        instant(m.get("lastUpdateAt")),
        messageIds,
        list(m.get("history"), h -> change(h, SupplierOrderStatus::valueOf)),
        num(m, "version").longValueExact(),
        Instant.parse(str(m, "createdAt")),
        Instant.parse(str(m, "updatedAt")));
  }

  // ---- FulfillmentKpis ------------------------------------------------------------------------

  public static String kpisJson(FulfillmentKpis k) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("tenant", k.tenant().value());
    m.put("from", k.from().toString());
    m.put("to", k.to().toString());
    m.put("orders", (long) k.orders());
    Map<String, Object> perStatus = new TreeMap<>();
    k.ordersPerStatus().forEach((s, n) -> perStatus.put(s.name(), n));
    m.put("ordersPerStatus", perStatus);
    m.put("avgToShip", duration(k.avgToShip()));
    m.put("p50ToShip", duration(k.p50ToShip()));
    m.put("p95ToShip", duration(k.p95ToShip()));
    m.put("avgToDeliver", duration(k.avgToDeliver()));
    m.put("p50ToDeliver", duration(k.p50ToDeliver()));
    m.put("p95ToDeliver", duration(k.p95ToDeliver()));
    m.put("successRate", k.successRate().isPresent() ? Double.toString(k.successRate().getAsDouble()) : null);
    m.put("onTimeRate", k.onTimeRate().isPresent() ? Double.toString(k.onTimeRate().getAsDouble()) : null);
    m.put("lateUnshipped", (long) k.lateUnshipped());
    Map<String, Object> revenue = new TreeMap<>();
    k.revenue().forEach((c, v) -> revenue.put(c.getCurrencyCode(), money(v)));
    m.put("revenue", revenue);
    Map<String, Object> commission = new TreeMap<>();
    k.commission().forEach((c, v) -> commission.put(c.getCurrencyCode(), obj("base", money(v.base()),
        "client", money(v.client()), "platform", money(v.platform()), "entries", (long) v.entries())));
    m.put("commission", commission);
    return DocJson.write(m);
  }

  public static FulfillmentKpis kpis(String json) {
    Map<String, @Nullable Object> m = asMap(DocJson.read(json));
    Map<OrderStatus, Long> perStatus = new EnumMap<>(OrderStatus.class);
    asMap(m.get("ordersPerStatus")).forEach((s, n) ->
        perStatus.put(OrderStatus.valueOf(s), ((BigDecimal) Objects.requireNonNull(n)).longValueExact()));
    Map<Currency, Money> revenue = new LinkedHashMap<>();
    asMap(m.get("revenue")).forEach((c, v) -> revenue.put(Currency.getInstance(c), money(asMap(v))));
    Map<Currency, EarningsTotals> commission = new LinkedHashMap<>();
    asMap(m.get("commission")).forEach((c, v) -> {
      Map<String, @Nullable Object> t = asMap(v);
      commission.put(Currency.getInstance(c), new EarningsTotals(money(asMap(t.get("base"))),
          money(asMap(t.get("client"))), money(asMap(t.get("platform"))), num(t, "entries").intValueExact()));
    });
    return new FulfillmentKpis(
        TenantId.of(str(m, "tenant")),
        Instant.parse(str(m, "from")),
        Instant.parse(str(m, "to")),
        num(m, "orders").intValueExact(),
        perStatus,
        duration(m.get("avgToShip")),
        duration(m.get("p50ToShip")),
        duration(m.get("p95ToShip")),
        duration(m.get("avgToDeliver")),
        duration(m.get("p50ToDeliver")),
        duration(m.get("p95ToDeliver")),
        rate(m.get("successRate")),
        rate(m.get("onTimeRate")),
        num(m, "lateUnshipped").intValueExact(),
        revenue,
        commission);
  }

  // ---- pieces ---------------------------------------------------------------------------------

  private static Map<String, @Nullable Object> shipment(ShipmentGroup g) {
    return obj("group", (long) g.group(), "supplierId", g.supplierId(), "reference", g.reference(),
        "lines", map(g.lines(), FulfillmentDocs::shipmentLine), "freight", freight(g.freight()));
  }

  private static ShipmentGroup shipment(Map<String, @Nullable Object> m) {
    return new ShipmentGroup(num(m, "group").intValueExact(), str(m, "supplierId"), str(m, "reference"),
        list(m.get("lines"), FulfillmentDocs::shipmentLine), freight(asMap(m.get("freight"))));
  }

  private static Map<String, @Nullable Object> shipmentLine(ShipmentLine l) {
    return obj("variant", l.variant().value(), "supplierVariantId", l.supplierVariantId(), "sku", l.sku(),
        "quantity", l.quantity(), "unitCost", money(l.unitCost()));
  }

  private static ShipmentLine shipmentLine(Map<String, @Nullable Object> m) {
    return new ShipmentLine(VariantId.of(str(m, "variant")), str(m, "supplierVariantId"), str(m, "sku"),
        num(m, "quantity").longValueExact(), money(asMap(m.get("unitCost"))));
  }

  private static Map<String, @Nullable Object> freight(FreightOption f) {
    return obj("carrier", f.carrier(), "price", money(f.price()), "minDays", (long) f.minDays(),
        "maxDays", (long) f.maxDays());
  }

  private static FreightOption freight(Map<String, @Nullable Object> m) {
    return new FreightOption(str(m, "carrier"), money(asMap(m.get("price"))), num(m, "minDays").intValueExact(),
        num(m, "maxDays").intValueExact());
  }

  private static Map<String, @Nullable Object> split(CommissionSplit c) {
    return obj("base", money(c.base()), "client", money(c.client()), "platform", money(c.platform()),
        "clientRate", c.clientRate());
  }

  public static String splitJson(CommissionSplit c) {
    return DocJson.write(split(c));
  }

  public static CommissionSplit split(String json) {
    return split(asMap(DocJson.read(json)));
  }

  private static CommissionSplit split(Map<String, @Nullable Object> m) {
    return new CommissionSplit(money(asMap(m.get("base"))), money(asMap(m.get("client"))),
        money(asMap(m.get("platform"))), num(m, "clientRate"));
  }

  private static Map<String, @Nullable Object> address(Address a) {
    return obj("name", a.name(), "line1", a.line1(), "line2", a.line2(), "city", a.city(),
        "province", a.province(), "zip", a.zip(), "country", a.country(), "phone", a.phone());
  }

  private static Address address(Map<String, @Nullable Object> m) {
    return new Address(str(m, "name"), str(m, "line1"), optStr(m, "line2"), str(m, "city"), optStr(m, "province"),
        optStr(m, "zip"), str(m, "country"), str(m, "phone"));
  }

  private static Map<String, @Nullable Object> change(StatusChange<?> c) {
    Enum<?> from = c.from();
    return obj("from", from == null ? null : from.name(), "to", c.to().name(), "at", c.at().toString(),
        "actor", c.actor(), "reason", c.reason());
  }

  private static <S extends Enum<S>> StatusChange<S> change(Map<String, @Nullable Object> m, Function<String, S> parse) {
    @Nullable Object from = m.get("from");
    return new StatusChange<>(from == null ? null : parse.apply((String) from), parse.apply(str(m, "to")),
        Instant.parse(str(m, "at")), str(m, "actor"), str(m, "reason"));
  }

  private static Map<String, @Nullable Object> money(Money m) {
    return obj("amount", m.amount(), "currency", m.currency().getCurrencyCode());
  }

  private static Money money(Map<String, @Nullable Object> m) {
    return Money.of(num(m, "amount"), Currency.getInstance(str(m, "currency")));
  }

  private static @Nullable String duration(Optional<Duration> d) {
    return d.map(Duration::toString).orElse(null);
  }

  private static Optional<Duration> duration(@Nullable Object o) {
    return o == null ? Optional.empty() : Optional.of(Duration.parse((String) o));
  }

  private static OptionalDouble rate(@Nullable Object o) {
    return o == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble((String) o));
  }

  private static @Nullable String instantOrNull(@Nullable Instant i) {
    return i == null ? null : i.toString();
  }

  private static @Nullable Instant instant(@Nullable Object o) {
    return o == null ? null : Instant.parse((String) o);
  }

  private static Map<String, @Nullable Object> obj(@Nullable Object... kv) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) Objects.requireNonNull(kv[i]), kv[i + 1]);
    }
    return m;
  }

  private static <T> List<Object> map(List<T> in, Function<T, Object> f) {
    List<Object> out = new ArrayList<>(in.size());
    for (T t : in) {
      out.add(f.apply(t));
    }
    return out;
  }

  private static <T> List<T> list(@Nullable Object in, Function<Map<String, @Nullable Object>, T> f) {
    List<T> out = new ArrayList<>();
    for (@Nullable Object o : asList(in)) {
      out.add(f.apply(asMap(o)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> asMap(@Nullable Object o) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("stored document: expected an object but found " + o);
    }
    return (Map<String, @Nullable Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<@Nullable Object> asList(@Nullable Object o) {
    if (!(o instanceof List)) {
      throw new IllegalArgumentException("stored document: expected an array but found " + o);
    }
    return (List<@Nullable Object>) o;
  }

  private static String str(Map<String, @Nullable Object> m, String k) {
    @Nullable Object v = m.get(k);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("stored document: field " + k + " must be a string but was " + v);
    }
    return s;
  }

  private static @Nullable String optStr(Map<String, @Nullable Object> m, String k) {
    @Nullable Object v = m.get(k);
    return v == null ? null : (String) v;
  }

  private static BigDecimal num(Map<String, @Nullable Object> m, String k) {
    @Nullable Object v = m.get(k);
    if (!(v instanceof BigDecimal d)) {
      throw new IllegalArgumentException("stored document: field " + k + " must be a number but was " + v);
    }
    return d;
  }

  private static boolean bool(Map<String, @Nullable Object> m, String k) {
    return Boolean.TRUE.equals(m.get(k));
  }
}

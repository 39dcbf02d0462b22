package dev.dropsync.cj.internal;

import dev.dropsync.cj.model.Balance;
import dev.dropsync.cj.model.CreatedOrder;
import dev.dropsync.cj.model.FreightQuote;
import dev.dropsync.cj.model.Order;
import dev.dropsync.cj.model.Page;
import dev.dropsync.cj.model.Product;
import dev.dropsync.cj.model.ProductDetail;
import dev.dropsync.cj.model.ProductInventory;
import dev.dropsync.cj.model.StockLevel;
import dev.dropsync.cj.model.SubscribeResult;
import dev.dropsync.cj.model.TrackInfo;
import dev.dropsync.cj.model.Variant;
import dev.dropsync.cj.model.VariantInventory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Decodes CJ {@code data} trees into public records, tolerating CJ's quirks. */
public final class Mappers {
  private Mappers() {}

  private static long num(Node n, String a, String b) {
    Long v = n.lng(a);
    if (v == null) {
      v = n.lng(b);
    }
    return v == null ? 0 : v;
  }

  public static Page<Product> productPage(Envelope env) {
    Node d = env.dataObject();
    List<Product> items = new ArrayList<>();
    for (Node p : d.objs("list")) {
      items.add(product(p));
    }
    Integer pageNum = d.integer("pageNum");
    Integer pageSize = d.integer("pageSize");
    return new Page<>(items, pageNum == null ? 1 : pageNum, pageSize == null ? items.size() : pageSize, d.lng("total"));
  }

  public static Product product(Node p) {
    String nameEn = p.str("productNameEn", "nameEn");
    String name = p.str("productName");
    return new Product(
        p.has("pid") ? p.reqStr("pid") : p.reqStr("id"),
        nameEn == null ? (name == null ? "" : name) : nameEn,
        name == null ? List.of() : Node.stringsInString(name),
        p.str("productSku", "sku"),
        p.str("productImage", "bigImage"),
        p.decimal("productWeight"),
        p.range("sellPrice"),
        p.str("categoryId"),
        p.bool("isFreeShipping"),
        p.str("saleStatus"),
        p.has("createTime") ? p.instant("createTime") : p.instant("createAt"));
  }

  public static Page<Product> productPageV2(Envelope env) {
    Node d = env.dataObject();
    List<Product> items = new ArrayList<>();
    for (Node c : d.objs("content")) {
      if (c.has("productList")) {
        for (Node p : c.objs("productList")) {
          items.add(product(p));
        }
      } else {
        items.add(product(c));
      }
    }
    Integer page = d.integer("pageNumber");
    Integer size = d.integer("pageSize");
    return new Page<>(items, page == null ? 1 : page, size == null ? items.size() : size, d.lng("totalRecords"));
  }

  public static ProductDetail productDetail(Envelope env) {
    Node p = env.dataObject();
    String name = p.str("productName");
    List<Variant> variants = new ArrayList<>();
    for (Node v : p.objs("variants")) {
      variants.add(variant(v));
    }
    String nameEn = p.str("productNameEn");
    return new ProductDetail(
        p.reqStr("pid"),
        nameEn == null ? "" : nameEn,
        name == null ? List.of() : Node.stringsInString(name),
        p.str("productSku"),
        p.str("productImage", "bigImage"),
        p.decimal("productWeight"),
        p.range("sellPrice"),
        p.range("suggestSellPrice"),
        p.str("status", "saleStatus"),
        p.str("categoryId"),
        p.str("categoryName"),
        p.has("createrTime") ? p.instant("createrTime") : p.instant("createTime"),
        variants);
  }

  public static Variant variant(Node v) {
    String key = v.str("variantKey");
    List<VariantInventory> inv = new ArrayList<>();
    for (Node i : v.objs("inventories")) {
      inv.add(variantInventory(i));
    }
    return new Variant(
        v.reqStr("vid"),
        v.str("pid"),
        v.str("variantSku"),
        key,
        key == null ? List.of() : Node.stringsInString(key),
        v.decimal("variantSellPrice"),
        v.decimal("variantWeight"),
        v.instant("createTime"),
        inv);
  }

  public static VariantInventory variantInventory(Node i) {
    Boolean verified = i.bool("verifiedWarehouse");
    return new VariantInventory(
        i.reqStr("countryCode"),
        num(i, "totalInventory", "totalInventoryNum"),
        num(i, "cjInventory", "cjInventoryNum"),
        num(i, "factoryInventory", "factoryInventoryNum"),
        verified != null && verified);
  }

  public static List<Variant> variants(Envelope env) {
    if (env.data() instanceof Map) {
      return List.of(variant(env.dataObject()));
    }
    List<Variant> out = new ArrayList<>();
    for (Node v : env.dataList()) {
      out.add(variant(v));
    }
    return List.copyOf(out);
  }

  public static StockLevel stockLevel(Node s) {
    return new StockLevel(
        s.str("vid"),
        s.str("areaId"),
        s.str("areaEn"),
        s.reqStr("countryCode"),
        s.str("countryNameEn"),
        num(s, "totalInventoryNum", "totalInventory"),
        num(s, "cjInventoryNum", "cjInventory"),
        num(s, "factoryInventoryNum", "factoryInventory"));
  }

  public static List<StockLevel> stockLevels(Envelope env) {
    List<StockLevel> out = new ArrayList<>();
    for (Node s : env.dataList()) {
      out.add(stockLevel(s));
    }
    return List.copyOf(out);
  }

  public static ProductInventory productInventory(Envelope env) {
    Node d = env.dataObject();
    List<StockLevel> inv = new ArrayList<>();
    for (Node s : d.objs("inventories")) {
      inv.add(stockLevel(s));
    }
    Map<String, List<VariantInventory>> byVariant = new LinkedHashMap<>();
    for (Node v : d.objs("variantInventories")) {
      List<VariantInventory> l = new ArrayList<>();
      for (Node i : v.objs("inventory")) {
        l.add(variantInventory(i));
      }
      byVariant.put(v.reqStr("vid"), List.copyOf(l));
    }
    return new ProductInventory(inv, byVariant);
  }

  public static List<FreightQuote> freight(Envelope env) {
    List<FreightQuote> out = new ArrayList<>();
    for (Node q : env.dataList()) {
      String aging = q.str("logisticAging");
      Integer min = null;
      Integer max = null;
      if (aging != null) {
        String[] parts = aging.trim().split("\\s*-\\s*");
        try {
          min = Integer.valueOf(parts[0]);
          max = Integer.valueOf(parts[parts.length - 1]);
        } catch (NumberFormatException e) {
          min = null;
          max = null;
        }
      }
      BigDecimal price = q.decimal("logisticPrice");
      BigDecimal total = q.decimal("totalPostageFee");
      if (total == null) {
        total = price;
      }
      if (total == null) {
        throw q.error("totalPostageFee", "lacks required field");
      }
      out.add(new FreightQuote(q.reqStr("logisticName"), aging, min, max, price, q.decimal("taxesFee"),
          q.decimal("clearanceOperationFee"), total));
    }
    return List.copyOf(out);
  }

  public static List<TrackInfo> tracks(Envelope env) {
    List<TrackInfo> out = new ArrayList<>();
    for (Node t : env.dataList()) {
      out.add(new TrackInfo(
          t.reqStr("trackingNumber"),
          t.str("logisticName"),
          t.str("trackingFrom"),
          t.str("trackingTo"),
          t.integer("deliveryDay"),
          t.instant("deliveryTime"),
          t.str("trackingStatus"),
          t.str("lastMileCarrier"),
          t.str("lastTrackNumber")));
    }
    return List.copyOf(out);
  }

  public static CreatedOrder createdOrder(Envelope env, String orderNumber) {
    Node d = env.dataObject();
    String on = d.str("orderNumber");
    return new CreatedOrder(
        on == null ? orderNumber : on,
        d.str("orderId"),
        d.str("shipmentOrderId"),
        d.str("orderStatus"),
        d.decimal("productAmount"),
        d.decimal("postageAmount"),
        d.decimal("orderAmount"),
        d.str("cjPayUrl"),
        d.strings("interceptOrderReasons"),
        false);
  }

  public static CreatedOrder recovered(Order o, String orderNumber) {
    return new CreatedOrder(
        orderNumber,
        o.cjOrderId() != null ? o.cjOrderId() : o.orderId(),
        null,
        o.orderStatus(),
        o.productAmount(),
        o.postageAmount(),
        o.orderAmount(),
        null,
        List.of(),
        true);
  }

  public static Order order(Node o) {
    List<Order.Item> items = new ArrayList<>();
    for (Node i : o.objs("productList")) {
      items.add(new Order.Item(i.reqStr("vid"), i.reqInt("quantity"), i.decimal("sellPrice"), i.str("storeLineItemId")));
    }
    return new Order(
        o.reqStr("orderId"),
        o.str("orderNum", "orderNumber"),
        o.str("cjOrderId"),
        o.str("orderStatus"),
        o.str("subStatus"),
        o.str("logisticName"),
        o.str("trackNumber"),
        o.str("trackingUrl"),
        o.decimal("productAmount"),
        o.decimal("postageAmount"),
        o.decimal("orderAmount"),
        o.has("createDate") ? o.instant("createDate") : o.instant("createTime"),
        items);
  }

  public static Page<Order> orderPage(Envelope env) {
    Node d = env.dataObject();
    List<Order> items = new ArrayList<>();
    for (Node o : d.objs("list")) {
      items.add(order(o));
    }
    Integer pageNum = d.integer("pageNum");
    Integer pageSize = d.integer("pageSize");
    return new Page<>(items, pageNum == null ? 1 : pageNum, pageSize == null ? items.size() : pageSize, d.lng("total"));
  }

  public static @Nullable String idData(Envelope env) {
    Object d = env.data();
    if (d == null || d instanceof Boolean) {
      return null;
    }
    if (d instanceof Map) {
      return env.dataObject().str("orderId");
    }
    return d.toString();
  }

  public static Balance balance(Envelope env) {
    Node d = env.dataObject();
    return new Balance(d.reqDecimal("amount"), d.decimal("noWithdrawalAmount"), d.decimal("freezeAmount"));
  }

  public static SubscribeResult subscribe(Envelope env) {
    Node d = env.dataObject();
    return new SubscribeResult(d.strings("successProductIds"), d.strings("failProductIds"));
  }

  public static boolean flag(Envelope env) {
    Object d = env.data();
    if (d instanceof Boolean b) {
      return b;
    }
    return true;
  }
}

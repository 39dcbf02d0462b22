package dev.dropsync.examples;

import dev.dropsync.cj.supplier.CjSupplier;
import dev.dropsync.examples.warehouse.LocalWarehouse;
import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderRequest;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.RecordingNotifier;
import dev.dropsync.fulfillment.spi.SupplierRouting;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Example 5, a second supplier through the SPI: a {@link LocalWarehouse} (stock list from a CSV
 * file) next to CJ in the same engines. The inventory engine imports and syncs products of both,
 * each through its own {@code SupplierCatalog}; the fulfilment engine splits an order with lines
 * from both into one supplier order per supplier, quoted and placed through {@link SupplierRouting}.
 * Runs against the embedded CJ simulator ({@code java -jar dropsync-examples.jar second-supplier}).
 *
 * @since 0.1.0
 */
public final class SecondSupplierExample {
  /** The warehouse's supplier id. */
  public static final String WAREHOUSE = "local-wh";

  private SecondSupplierExample() {}

  /**
   * What the run did, for checking.
   *
   * @param inventory the inventory engine
   * @param fulfillment the fulfilment engine
   * @param warehouse the second supplier
   * @param shop the tenant
   * @param products the tenant's products, from both suppliers
   * @param sync the sync run over both suppliers
   * @param order the mixed order as it ended
   * @param supplierOrders its supplier orders
   * @since 0.1.0
   */
  public record Result(InventoryEngine inventory, FulfillmentEngine fulfillment, LocalWarehouse warehouse, TenantId shop,
      List<Product> products, SyncRun sync, Order order, List<SupplierOrder> supplierOrders) {}

  /**
   * Runs the example against a fresh embedded simulator and prints what happens.
   *
   * @param args ignored
   * @since 0.1.0
   */
  public static void main(String[] args) {
    try (EmbeddedCj cj = EmbeddedCj.start(10, 6)) {
      run(cj, System.out);
    }
  }

  /**
   * The bundled stock list, {@code dev/dropsync/examples/warehouse/stock.csv}.
   *
   * @param clock the clock the warehouse's orders move on
   * @return the warehouse
   * @since 0.1.0
   */
  public static LocalWarehouse bundledWarehouse(Clock clock) {
    try (InputStream in = Objects.requireNonNull(
            SecondSupplierExample.class.getResourceAsStream("warehouse/stock.csv"), "warehouse/stock.csv");
        Reader csv = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return LocalWarehouse.fromCsv(WAREHOUSE, csv, clock);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Imports two CJ products and two warehouse products, syncs them, and fulfils an order with a line
   * from each supplier.
   *
   * @param cj the CJ side
   * @param out where to print
   * @return what happened
   * @since 0.1.0
   */
  public static Result run(EmbeddedCj cj, PrintStream out) {
    CjSupplier cjSupplier = CjSupplier.builder().client(cj.client()).clock(cj.clock()).build();
    LocalWarehouse warehouse = bundledWarehouse(cj.clock());

    InventoryEngine inventory = InventoryEngine.builder()
        .store(new InMemoryInventoryStore())
        .supplier(cjSupplier.catalog())              // the default supplier
        .additionalSupplier(warehouse)               // and the second one, side by side
        .clock(cj.clock())
        .build();
    FulfillmentEngine fulfillment = FulfillmentEngine.builder()
        .orderStore(new InMemoryOrderStore())
        .stock(inventory).variants(inventory)
        .supplierOrders(SupplierRouting.orders(Map.of(CjSupplier.SUPPLIER_ID, cjSupplier.orders(), WAREHOUSE, warehouse)))
        .freightQuotes(SupplierRouting.freight(Map.of(CjSupplier.SUPPLIER_ID, cjSupplier.freightQuotes(), WAREHOUSE, warehouse)))
        .notifier(new RecordingNotifier())
        .clock(cj.clock())
        .build();

    TenantId shop = TenantId.of("shop-1");
    inventory.registerTenant(Tenant.of(shop, Plan.PRO, CjSupplier.USD));

    // Import from both: CJ by id, the warehouse by id and by its product page URL.
    String cjVid = cj.sim().catalog().inStockVariantIds().get(0);
    Product cjProduct = inventory.importProduct(shop, cj.sim().catalog().productIdOf(cjVid)).requireProduct();
    Product lamp = inventory.importProduct(shop, WAREHOUSE, "LW-1001").requireProduct();
    Product cushion = inventory.importByUrl(shop, warehouse.productUrl("LW-1002")).requireProduct();
    for (Product p : List.of(cjProduct, lamp, cushion)) {
      out.printf("Imported %-22s %-22s from %-8s %d variant(s), %d on hand%n", p.supplierProductId(),
          '"' + abbreviate(p.title(), 20) + '"', p.supplierId(), p.variants().size(),
          p.variants().stream().mapToLong(Variant::onHand).sum());
    }

    // Both suppliers' stock moves; one sync run reads each product from its own supplier.
    warehouse.setStock("LW-1001-BLK", 19);
    cj.sim().catalog().setStock(cjVid, cj.sim().catalog().stock(cjVid) + 40);
    SyncRun sync = inventory.sync().start(shop).await(Duration.ofMinutes(2));
    out.printf("Sync of both suppliers: %d updated, %d unchanged, %d failed%n", sync.updated(), sync.unchanged(),
        sync.failed());

    // A customer buys one item from each supplier.
    Variant cjVariant = inventory.product(shop, cjProduct.id()).variantBySupplierId(cjVid).orElseThrow();
    Variant lampBlack = inventory.product(shop, lamp.id()).variantBySupplierId("LW-1001-BLK").orElseThrow();
    OrderId id = OrderId.of("2001");
    fulfillment.createOrder(OrderRequest.builder().tenant(shop).orderId(id).currency("USD")
        .line(cjVariant.id(), 1, cjVariant.retailPrice())
        .line(lampBlack.id(), 2, lampBlack.retailPrice())
        .shippingCharge(Money.of("6.99", "USD"))
        .shippingAddress(Address.builder().name("Grace Hopper").line1("2 Navy Way").city("Arlington")
            .province("VA").zip("22202").country("US").phone("+1 703 555 0100").build())
        .customer(CustomerContact.of("Grace Hopper", "grace@example.com"))
        .build());
    Order placed = fulfillment.processOrder(shop, id);
    out.printf("Order %s %s, %d supplier orders:%n", id, placed.status(), fulfillment.supplierOrders(shop, id).size());
    for (SupplierOrder so : fulfillment.supplierOrders(shop, id)) {
      out.printf("  %s at %-8s %s as %s, %d line(s), freight %s %s%n", so.reference(), so.supplierId(), so.status(),
          so.supplierOrderId(), so.lines().size(), so.freight().carrier(), so.freight().price());
    }

    // Two days later both have shipped.
    cj.advance(Duration.ofDays(2).plusHours(1));
    for (SupplierOrder so : fulfillment.supplierOrders(shop, id)) {
      fulfillment.pollSupplierOrder(shop, so.reference());
    }
    List<SupplierOrder> after = fulfillment.supplierOrders(shop, id);
    for (SupplierOrder so : after) {
      out.printf("  %s %s, tracking %s (%s)%n", so.reference(), so.status(), so.tracking().trackingNumber(),
          so.tracking().carrier());
    }
    Order done = fulfillment.getOrder(shop, id);
    out.printf("Order %s is %s%n", id, done.status());
    return new Result(inventory, fulfillment, warehouse, shop, inventory.products(shop), sync, done, after);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}

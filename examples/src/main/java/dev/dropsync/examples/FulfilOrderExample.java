package dev.dropsync.examples;

import dev.dropsync.cj.supplier.CjPayment;
import dev.dropsync.cj.supplier.CjSupplier;
import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.CommissionSplit;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderRequest;
import dev.dropsync.fulfillment.ShippingPolicy;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.RecordingNotifier;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Example 2, fulfil an order: a paid customer order through the {@link FulfillmentEngine} with CJ as
 * supplier — stock reserved, CJ's freight quoted and the cheapest option chosen, the CJ order placed
 * exactly once with our reference as its order number, followed to delivery with its tracking
 * number, and the money split 30/70. Runs against the embedded CJ simulator ({@code java -jar
 * dropsync-examples.jar fulfil}); the clock is moved forward so CJ ships at once.
 *
 * @since 0.1.0
 */
public final class FulfilOrderExample {
  private FulfilOrderExample() {}

  /**
   * What the run did, for checking.
   *
   * @param fulfillment the engine
   * @param shop the tenant
   * @param order the order as it ended
   * @param supplierOrders its supplier orders
   * @param notifier the customer notifications sent
   * @since 0.1.0
   */
  public record Result(FulfillmentEngine fulfillment, TenantId shop, Order order, List<SupplierOrder> supplierOrders,
      RecordingNotifier notifier) {}

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
   * Imports two in-stock CJ products, sells one unit of each and fulfils the order.
   *
   * @param cj the CJ side
   * @param out where to print
   * @return what happened
   * @since 0.1.0
   */
  public static Result run(EmbeddedCj cj, PrintStream out) {
    CjSupplier supplier = CjSupplier.builder()
        .client(cj.client())
        .payment(CjPayment.BALANCE)        // CJ pays from the wallet when the order is created
        .clock(cj.clock())
        .build();
    InventoryEngine inventory = InventoryEngine.builder().store(new InMemoryInventoryStore())
        .supplier(supplier.catalog()).clock(cj.clock()).build();
    RecordingNotifier notifier = new RecordingNotifier();   // your e-mail/SMS sender
    FulfillmentEngine fulfillment = FulfillmentEngine.builder()
        .orderStore(new InMemoryOrderStore())               // or your database's OrderStore
        .stock(inventory).variants(inventory)
        .freightQuotes(supplier.freightQuotes())
        .supplierOrders(supplier.orders())
        .shippingPolicy(ShippingPolicy.cheapestWithin(20))  // cheapest option that arrives in 20 days
        .notifier(notifier)
        .clock(cj.clock())
        .build();

    TenantId shop = TenantId.of("shop-1");
    inventory.registerTenant(Tenant.of(shop, Plan.PRO, CjSupplier.USD));
    List<String> vids = cj.sim().catalog().inStockVariantIds();
    Variant mug = firstVariant(inventory.importProduct(shop, cj.sim().catalog().productIdOf(vids.get(0))).requireProduct(),
        vids.get(0));
    String other = vids.stream().filter(v -> !cj.sim().catalog().productIdOf(v).equals(cj.sim().catalog().productIdOf(vids.get(0))))
        .findFirst().orElseThrow();
    Variant lamp = firstVariant(inventory.importProduct(shop, cj.sim().catalog().productIdOf(other)).requireProduct(), other);

    OrderId id = OrderId.of("1001");
    fulfillment.createOrder(OrderRequest.builder()
        .tenant(shop).orderId(id).currency("USD")
        .line(mug.id(), 1, mug.retailPrice())
        .line(lamp.id(), 2, lamp.retailPrice())
        .shippingCharge(Money.of("4.99", "USD"))
        .shippingAddress(Address.builder().name("Ada Lovelace").line1("1 Main St").city("Springfield")
            .province("IL").zip("62701").country("US").phone("+1 217 555 0100").build())
        .customer(CustomerContact.of("Ada Lovelace", "ada@example.com"))
        .build());

    // Once the payment is captured: reserve → freight → CJ order (exactly once) → commit → notify.
    Order placed = fulfillment.processOrder(shop, id);
    SupplierOrder so = fulfillment.supplierOrders(shop, id).get(0);
    out.printf("Order %s %s: supplier order %s at %s is %s as CJ order %s, freight %s %s (%d-%d days)%n",
        id, placed.status(), so.reference(), so.supplierId(), so.status(), so.supplierOrderId(),
        so.freight().carrier(), so.freight().price(), so.freight().minDays(), so.freight().maxDays());

    // CJ ships paid orders after about two days and delivers about eight days later: move time on and
    // poll (in production the automation's order_fulfillment sweep, or CJ's ORDER webhook, does this).
    cj.advance(Duration.ofDays(2).plusHours(1));
    fulfillment.pollSupplierOrder(shop, so.reference());
    SupplierOrder shipped = fulfillment.supplierOrders(shop, id).get(0);
    out.printf("2 days later: %s, tracking %s (%s)%n", shipped.status(), shipped.tracking().trackingNumber(),
        shipped.tracking().trackingUrl());
    cj.advance(Duration.ofDays(9));
    fulfillment.pollSupplierOrder(shop, so.reference());
    Order done = fulfillment.getOrder(shop, id);

    CommissionSplit split = Objects.requireNonNull(done.commission(), "commission");
    out.printf("Order %s %s; charged %s: store owner %s (30 %%), platform %s (70 %%)%n", id, done.status(),
        split.base(), split.client(), split.platform());
    out.printf("Customer notified: %s%n", notifier.sent(shop, id).stream().map(n -> n.type().toString()).toList());
    return new Result(fulfillment, shop, done, fulfillment.supplierOrders(shop, id), notifier);
  }

  private static Variant firstVariant(Product p, String supplierVariantId) {
    return p.variantBySupplierId(supplierVariantId).orElseThrow();
  }
}

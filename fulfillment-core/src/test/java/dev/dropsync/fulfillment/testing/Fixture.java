package dev.dropsync.fulfillment.testing;

import dev.dropsync.inventory.testing.MutableClock;
import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderRequest;
import dev.dropsync.fulfillment.spi.InMemoryFreightQuotes;
import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.InMemorySupplierOrders;
import dev.dropsync.fulfillment.spi.OrderStore;
import dev.dropsync.fulfillment.spi.RecordingNotifier;
import dev.dropsync.fulfillment.spi.SupplierOrders;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** Wires an engine with in-memory SPIs, the TestInventory and a virtual clock. */
public final class Fixture {
  public static final TenantId TENANT = TenantId.of("shop-a");
  public static final TenantId OTHER = TenantId.of("shop-b");

  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
  public final TestInventory inventory = new TestInventory(clock);
  public final InMemorySupplierOrders suppliers = new InMemorySupplierOrders(clock);
  public final InMemoryFreightQuotes freight = new InMemoryFreightQuotes(List.of(
      new FreightOption("CJPacket", Money.of("4.00", "USD"), 7, 12),
      new FreightOption("DHL", Money.of("15.00", "USD"), 2, 4)));
  public final RecordingNotifier notifier = new RecordingNotifier();
  public final OrderStore store;
  public final FulfillmentEngine engine;

  public Fixture() {
    this(new InMemoryOrderStore(), b -> b);
  }

  public Fixture(UnaryOperator<FulfillmentEngine.Builder> config) {
    this(new InMemoryOrderStore(), config);
  }

  public Fixture(OrderStore store, UnaryOperator<FulfillmentEngine.Builder> config) {
    this(store, s -> s, config);
  }

  /** {@code wrapSuppliers} may decorate the fake supplier (e.g. to slow it down). */
  public Fixture(OrderStore store, UnaryOperator<SupplierOrders> wrapSuppliers,
      UnaryOperator<FulfillmentEngine.Builder> config) {
    this.store = store;
    for (TenantId t : List.of(TENANT, OTHER)) {
      inventory.addVariant(t, "v1", "cj", Money.of("5.00", "USD"), Money.of("20.00", "USD"), 100);
      inventory.addVariant(t, "v2", "cj", Money.of("3.00", "USD"), Money.of("10.00", "USD"), 100);
      inventory.addVariant(t, "v3", "acme", Money.of("8.00", "USD"), Money.of("25.00", "USD"), 100);
    }
    this.engine = config.apply(FulfillmentEngine.builder()
        .orderStore(store).stock(inventory).variants(inventory).freightQuotes(freight)
        .supplierOrders(wrapSuppliers.apply(suppliers)).notifier(notifier).clock(clock)).build();
  }

  public static Address address() {
    return Address.builder().name("Ada Lovelace").line1("1 Main St").city("Springfield").province("IL")
        .zip("62701").country("us").phone("+1 217 555 0100").build();
  }

  public static CustomerContact customer() {
    return CustomerContact.of("Ada Lovelace", "ada@Example.COM");
  }

  /** An order of 2 × v1 at 20.00 and 1 × v2 at 10.00 (one supplier), shipping 5.00. */
  public static OrderRequest.Builder order(TenantId tenant, String id) {
    return OrderRequest.builder().tenant(tenant).orderId(OrderId.of(id)).currency("USD")
        .line(VariantId.of("v1"), 2, Money.of("20.00", "USD"))
        .line(VariantId.of("v2"), 1, Money.of("10.00", "USD"))
        .shippingCharge(Money.of("5.00", "USD"))
        .shippingAddress(address()).customer(customer());
  }

  /** Like {@link #order} plus 1 × v3 from supplier "acme": two supplier orders. */
  public static OrderRequest.Builder twoSupplierOrder(TenantId tenant, String id) {
    return order(tenant, id).line(VariantId.of("v3"), 1, Money.of("25.00", "USD"));
  }
}

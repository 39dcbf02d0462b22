package dev.dropsync.fulfillment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderRequest;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.spi.InMemoryFreightQuotes;
import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.InMemorySupplierOrders;
import dev.dropsync.fulfillment.spi.RecordingNotifier;
import dev.dropsync.inventory.LedgerEntry;
import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.testing.InventoryFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fulfilment pipeline on inventory-core's real engine: reservations, commits and the ledger. */
class RealInventoryFulfillmentTest {
  private final InventoryFixture inventory = InventoryFixture.create();
  private final TenantId tenant = inventory.tenant("shop", Plan.PREMIUM);
  private final Product mug = inventory.product(tenant, "CJ-MUG", 10, "4.20");
  private final Product lamp = inventory.product(tenant, "CJ-LAMP", 3, "12.00");
  private final InMemorySupplierOrders suppliers = new InMemorySupplierOrders(inventory.clock());
  private final FulfillmentEngine engine = FulfillmentEngine.builder()
      .orderStore(new InMemoryOrderStore())
      .stock(inventory.engine())
      .variants(inventory.engine())
      .freightQuotes(new InMemoryFreightQuotes(List.of(new FreightOption("CJPacket", Money.of("4.00", "USD"), 7, 12))))
      .supplierOrders(suppliers)
      .notifier(new RecordingNotifier())
      .clock(inventory.clock())
      .build();

  private OrderRequest order(String id, long mugs, long lamps) {
    OrderRequest.Builder b = OrderRequest.builder().tenant(tenant).orderId(OrderId.of(id)).currency("USD")
        .shippingCharge(Money.of("5.00", "USD"))
        .shippingAddress(Address.builder().name("Ada Lovelace").line1("1 Main St").city("Springfield")
            .province("IL").zip("62701").country("US").phone("+1 217 555 0100").build())
        .customer(CustomerContact.of("Ada Lovelace", "ada@example.com"));
    if (mugs > 0) {
      b.line(inventory.variant(mug), mugs, Money.of("19.99", "USD"));
    }
    if (lamps > 0) {
      b.line(inventory.variant(lamp), lamps, Money.of("39.99", "USD"));
    }
    return b.build();
  }

  private long onHand(Product p) {
    return inventory.engine().product(tenant, p.id()).variants().get(0).onHand();
  }

  private long reserved(Product p) {
    return inventory.engine().product(tenant, p.id()).variants().get(0).reserved();
  }

  private long ledgerRows(VariantId v, LedgerReason reason) {
    return inventory.engine().ledger(tenant, v).stream().map(LedgerEntry::reason).filter(reason::equals).count();
  }

  @Test
  void processedOrderConsumesStockOnceAndPlacesOneSupplierOrder() {
    engine.createOrder(order("o-1", 2, 1));

    Order processed = engine.processOrder(tenant, OrderId.of("o-1"));
    engine.processOrder(tenant, OrderId.of("o-1")); // a retry changes nothing

    assertThat(processed.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(processed.reservationCommitted()).isTrue();
    assertThat(suppliers.totalPlacements()).isEqualTo(1);
    assertThat(onHand(mug)).isEqualTo(8);
    assertThat(onHand(lamp)).isEqualTo(2);
    assertThat(reserved(mug)).isZero();
    assertThat(reserved(lamp)).isZero();
    assertThat(ledgerRows(inventory.variant(mug), LedgerReason.COMMIT)).isEqualTo(1);
    assertThat(ledgerRows(inventory.variant(lamp), LedgerReason.COMMIT)).isEqualTo(1);
  }

  @Test
  void orderBeyondStockIsHeldAndReservesNothing() {
    engine.createOrder(order("o-big", 1, 4)); // only 3 lamps

    Order held = engine.processOrder(tenant, OrderId.of("o-big"));

    assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
    assertThat(suppliers.totalPlacements()).isZero();
    assertThat(reserved(mug)).isZero();
    assertThat(reserved(lamp)).isZero();
    assertThat(inventory.engine().available(tenant, inventory.variant(lamp))).isEqualTo(3);
  }

  @Test
  void cancelBeforePlacementGivesTheReservedStockBack() {
    suppliers.failNextPlacesBeforeCreate(10); // placement keeps failing: the order stays unplaced
    engine.createOrder(order("o-c", 3, 0));
    try {
      engine.processOrder(tenant, OrderId.of("o-c"));
    } catch (RuntimeException expected) {
      // the supplier outage surfaces; the reservation is held meanwhile
    }
    assertThat(reserved(mug)).isEqualTo(3);

    engine.cancel(tenant, OrderId.of("o-c"), "owner", "customer changed their mind");

    assertThat(engine.getOrder(tenant, OrderId.of("o-c")).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(reserved(mug)).isZero();
    assertThat(onHand(mug)).isEqualTo(10);
    assertThat(ledgerRows(inventory.variant(mug), LedgerReason.RELEASE)).isEqualTo(1);
    assertThat(suppliers.totalPlacements()).isZero();
  }
}

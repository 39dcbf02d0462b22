package dev.dropsync.cj.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.Fault;
import dev.dropsync.cj.testkit.RecordedCall;
import dev.dropsync.cj.testkit.SimOrder;
import dev.dropsync.fulfillment.CancellationResult;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.HoldReason;
import dev.dropsync.fulfillment.NotificationType;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderRequest;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.StepFailedException;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.spi.CancellationAnswer;
import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.OrderStore;
import dev.dropsync.fulfillment.spi.RecordingNotifier;
import dev.dropsync.fulfillment.testing.CrashingOrderStore;
import dev.dropsync.fulfillment.testing.Fixture;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Orders through the real FulfillmentEngine (on the real InventoryEngine, catalogue imported from
 * CJ) with the CJ SupplierOrders and FreightQuotes against the simulator.
 */
class OrdersThroughEngineTest {
  private static final TenantId SHOP = TenantId.of("shop-a");
  private static final TenantId SHOP_B = TenantId.of("shop-b");

  private final SimSupport s = SimSupport.start(b -> b.products(6)
      .addAccount(SimSupport.SECOND_KEY, SimSupport.SECOND_OPEN_ID, 4));
  private final CjClient primary = s.client();
  private final CjClient second = s.client(SimSupport.SECOND_KEY);
  private final String pid;
  private final InventoryEngine inventory;
  private final RecordingNotifier notifier = new RecordingNotifier();

  OrdersThroughEngineTest() {
    pid = s.sim.catalog().productIds().get(0);
    for (String vid : s.sim.catalog().variantIds(pid)) {
      s.sim.catalog().setStock(vid, 1000);
    }
    inventory = InventoryEngine.builder().clock(s.clock).store(new InMemoryInventoryStore())
        .supplier(supplier(CjPayment.BALANCE).catalog()).syncExecutor(Runnable::run).build();
    for (TenantId t : List.of(SHOP, SHOP_B)) {
      inventory.registerTenant(Tenant.of(t, Plan.PREMIUM, CjSupplier.USD));
      inventory.importProduct(t, pid).requireProduct();
    }
  }

  @AfterEach
  void stop() {
    s.close();
  }

  private CjSupplier supplier(CjPayment payment) {
    return CjSupplier.builder().catalogClient(primary).clients(t -> t.equals(SHOP_B) ? second : primary)
        .payment(payment).clock(s.clock).build();
  }

  private FulfillmentEngine engine(CjPayment payment, OrderStore store) {
    CjSupplier cj = supplier(payment);
    return FulfillmentEngine.builder().orderStore(store).stock(inventory).variants(inventory)
        .freightQuotes(cj.freightQuotes()).supplierOrders(cj.orders()).notifier(notifier).clock(s.clock).build();
  }

  private FulfillmentEngine engine(CjPayment payment) {
    return engine(payment, new InMemoryOrderStore());
  }

  private Order create(FulfillmentEngine fe, TenantId tenant, String id) {
    Product p = inventory.products(tenant).get(0);
    return fe.createOrder(OrderRequest.builder().tenant(tenant).orderId(OrderId.of(id)).currency("USD")
        .line(p.variants().get(0).id(), 2, Money.of("19.99", "USD"))
        .shippingCharge(Money.of("4.99", "USD"))
        .shippingAddress(Fixture.address())
        .customer(CustomerContact.of("Ada Lovelace", "ada@example.com"))
        .build());
  }

  private SupplierOrder supplierOrder(FulfillmentEngine fe, TenantId tenant, String orderId) {
    List<SupplierOrder> sos = fe.supplierOrders(tenant, OrderId.of(orderId));
    assertThat(sos).hasSize(1);
    return sos.get(0);
  }

  private SimOrder cjOrder(String reference) {
    List<SimOrder> orders = s.sim.orders().byOrderNumber(reference);
    assertThat(orders).as("CJ orders numbered %s", reference).hasSize(1);
    return orders.get(0);
  }

  @Test
  void anOrderIsPlacedOnceAndFollowedThroughCjsLifecycleToDelivery() {
    FulfillmentEngine fe = engine(CjPayment.BALANCE);
    create(fe, SHOP, "o-1");

    Order processed = fe.processOrder(SHOP, OrderId.of("o-1"));
    fe.processOrder(SHOP, OrderId.of("o-1")); // a repeat changes nothing

    assertThat(processed.status()).isEqualTo(OrderStatus.PROCESSING);
    SupplierOrder so = supplierOrder(fe, SHOP, "o-1");
    SimOrder cj = cjOrder(so.reference());
    assertThat(so.supplierOrderId()).isEqualTo(cj.cjOrderId());
    assertThat(cj.logisticName()).isEqualTo(so.freight().carrier());
    assertThat(s.sim.recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(1);
    assertThat(s.sim.recorder().count(Endpoint.FREIGHT_CALCULATE)).isEqualTo(1);

    fe.pollSupplierOrder(SHOP, so.reference());
    assertThat(supplierOrder(fe, SHOP, "o-1").status()).isEqualTo(SupplierOrderStatus.ACCEPTED);

    s.clock.advance(Duration.ofHours(25));
    fe.pollSupplierOrder(SHOP, so.reference());
    assertThat(supplierOrder(fe, SHOP, "o-1").status()).isEqualTo(SupplierOrderStatus.IN_PROGRESS);

    s.clock.advance(Duration.ofHours(23));
    fe.pollSupplierOrder(SHOP, so.reference());
    SupplierOrder shipped = supplierOrder(fe, SHOP, "o-1");
    String track = cjOrder(so.reference()).trackNumber();
    assertThat(shipped.status()).isEqualTo(SupplierOrderStatus.SHIPPED);
    assertThat(shipped.tracking().trackingNumber()).isEqualTo(track).isNotBlank();
    assertThat(shipped.tracking().trackingUrl()).contains(track);
    assertThat(fe.getOrder(SHOP, OrderId.of("o-1")).status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(notifier.sent(SHOP, OrderId.of("o-1"))).filteredOn(n -> n.type() == NotificationType.SHIPPED)
        .singleElement().satisfies(n -> assertThat(n.tracking()).isNotNull()
            .satisfies(t -> assertThat(t.trackingNumber()).isEqualTo(track)));

    s.clock.advance(Duration.ofDays(8));
    fe.pollSupplierOrder(SHOP, so.reference());
    SupplierOrder delivered = supplierOrder(fe, SHOP, "o-1");
    assertThat(delivered.status()).isEqualTo(SupplierOrderStatus.DELIVERED);
    assertThat(delivered.events()).singleElement().satisfies(e -> assertThat(e.description()).startsWith("Delivered"));
    assertThat(fe.getOrder(SHOP, OrderId.of("o-1")).status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(notifier.sent(SHOP, OrderId.of("o-1"))).extracting(n -> n.type()).contains(NotificationType.DELIVERED);
    assertThat(s.sim.recorder().duplicateOrderNumbers()).isEmpty();
    assertThat(s.sim.orders().count()).isEqualTo(1);
  }

  @Test
  void aCrashBetweenAnyTwoStepsLeavesExactlyOneCjOrderPerReference() {
    int orders = 0;
    for (boolean afterApply : new boolean[] {false, true}) {
      int crashes = 0;
      boolean crashed = true;
      for (int write = 1; crashed; write++) { // every write processOrder makes, until one run gets through
        assertThat(write).as("processOrder stops writing at some point").isLessThan(50);
        CrashingOrderStore store = new CrashingOrderStore(new InMemoryOrderStore());
        FulfillmentEngine fe = engine(CjPayment.BALANCE, store);
        String id = "crash-" + write + (afterApply ? "-after" : "-before");
        create(fe, SHOP, id);
        orders++;
        store.crashAtWrite(write, afterApply);
        Throwable crash = catchThrowable(() -> fe.processOrder(SHOP, OrderId.of(id)));
        crashed = crash != null;
        if (crashed) {
          crashes++;
        }
        store.crashAtWrite(Integer.MAX_VALUE, false); // the process restarts: no more crashes
        s.clock.advance(Duration.ofMinutes(3)); // past the engine's submission lease

        Order done = fe.processOrder(SHOP, OrderId.of(id));

        String where = "crash at write " + write + (afterApply ? " after" : " before") + " apply (" + crash + ")";
        assertThat(done.status()).as(where).isEqualTo(OrderStatus.PROCESSING);
        SupplierOrder so = supplierOrder(fe, SHOP, id);
        assertThat(so.status().isPlaced()).as(where).isTrue();
        assertThat(so.supplierOrderId()).as(where).isEqualTo(cjOrder(so.reference()).cjOrderId());
      }
      assertThat(crashes).as("crash points " + (afterApply ? "after" : "before") + " apply").isGreaterThanOrEqualTo(5);
    }
    assertThat(s.sim.orders().count()).isEqualTo(orders);
    assertThat(s.sim.recorder().count(Endpoint.CREATE_ORDER_V2)).as("one create per reference").isEqualTo(orders);
    assertThat(s.sim.recorder().duplicateOrderNumbers()).isEmpty();
  }

  @Test
  void aLostCreateResponseIsRecoveredWithoutASecondOrder() {
    FulfillmentEngine fe = engine(CjPayment.BALANCE);
    create(fe, SHOP, "lost-1");
    s.sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.lostResponse());

    Order o = fe.processOrder(SHOP, OrderId.of("lost-1"));

    assertThat(o.status()).isEqualTo(OrderStatus.PROCESSING);
    SupplierOrder so = supplierOrder(fe, SHOP, "lost-1");
    assertThat(so.supplierOrderId()).isEqualTo(cjOrder(so.reference()).cjOrderId());
    assertThat(s.sim.recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(1);
  }

  @Test
  void aLostCreateResponseWithTheLookupDownIsAdoptedByTheEnginesLookupLater() {
    FulfillmentEngine fe = engine(CjPayment.BALANCE);
    create(fe, SHOP, "lost-2");
    s.sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.lostResponse());
    s.sim.faults().next(Endpoint.ORDER_DETAIL, 20, Fault.serverError(503));

    Throwable first = catchThrowable(() -> fe.processOrder(SHOP, OrderId.of("lost-2")));

    assertThat(first).isInstanceOf(StepFailedException.class);
    SupplierOrder pending = supplierOrder(fe, SHOP, "lost-2");
    assertThat(pending.status()).isEqualTo(SupplierOrderStatus.SUBMITTING);
    assertThat(s.sim.orders().byOrderNumber(pending.reference())).hasSize(1); // CJ has it; we do not know yet
    s.sim.faults().clear();

    Order o = fe.processOrder(SHOP, OrderId.of("lost-2"));

    assertThat(o.status()).isEqualTo(OrderStatus.PROCESSING);
    SupplierOrder adopted = supplierOrder(fe, SHOP, "lost-2");
    assertThat(adopted.supplierOrderId()).isEqualTo(cjOrder(adopted.reference()).cjOrderId());
    assertThat(adopted.history()).anySatisfy(h -> assertThat(h.reason()).contains("adopted"));
    assertThat(s.sim.recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(1);
  }

  @Test
  void aDefiniteCjRejectionPutsTheOrderOnHoldWithoutAnyCjOrder() {
    FulfillmentEngine fe = engine(CjPayment.BALANCE);
    create(fe, SHOP, "rej-1");
    s.sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.cjError(1605000, "Logistic not found"));

    Order o = fe.processOrder(SHOP, OrderId.of("rej-1"));

    assertThat(o.status()).isEqualTo(OrderStatus.ON_HOLD);
    assertThat(o.holdReason()).isEqualTo(HoldReason.SUPPLIER_REJECTED);
    SupplierOrder so = supplierOrder(fe, SHOP, "rej-1");
    assertThat(so.status()).isEqualTo(SupplierOrderStatus.REJECTED);
    assertThat(so.history()).anySatisfy(h -> assertThat(h.reason()).contains("1605000"));
    assertThat(s.sim.orders().count()).isZero();
  }

  @Test
  void cancellingBeforePaymentDeletesTheCjOrderAndReleasesTheStock() {
    FulfillmentEngine fe = engine(CjPayment.CREATE_ONLY);
    create(fe, SHOP, "c-1");
    fe.processOrder(SHOP, OrderId.of("c-1"));
    SupplierOrder so = supplierOrder(fe, SHOP, "c-1");
    assertThat(cjOrder(so.reference()).status()).isEqualTo("CREATED");

    CancellationResult r = fe.cancel(SHOP, OrderId.of("c-1"), "ops:ann", "customer asked");

    assertThat(r.cancelled()).isTrue();
    assertThat(r.answers()).containsOnlyKeys(so.reference());
    assertThat(r.answers()).hasEntrySatisfying(so.reference(), a -> assertThat(a.outcome()).isEqualTo(CancellationAnswer.Outcome.ACCEPTED));
    assertThat(cjOrder(so.reference()).status()).isEqualTo("CANCELLED");
    assertThat(fe.getOrder(SHOP, OrderId.of("c-1")).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(inventory.products(SHOP).get(0).variants().get(0).reserved()).isZero();
  }

  @Test
  void cancellingAfterPaymentIsRefusedWithCjsReasonAndTheOrderShipsAnyway() {
    FulfillmentEngine fe = engine(CjPayment.BALANCE);
    create(fe, SHOP, "c-2");
    fe.processOrder(SHOP, OrderId.of("c-2"));
    SupplierOrder so = supplierOrder(fe, SHOP, "c-2");
    fe.pollSupplierOrder(SHOP, so.reference());

    CancellationResult r = fe.cancel(SHOP, OrderId.of("c-2"), "ops:ann", "customer asked");

    assertThat(r.cancelled()).isFalse();
    CancellationAnswer a = r.answers().get(so.reference());
    assertThat(a).isNotNull();
    assertThat(a.outcome()).isEqualTo(CancellationAnswer.Outcome.REFUSED);
    assertThat(a.detail()).contains("UNSHIPPED").contains("only before");
    assertThat(supplierOrder(fe, SHOP, "c-2").status()).isEqualTo(SupplierOrderStatus.ACCEPTED);
    assertThat(cjOrder(so.reference()).status()).isEqualTo("UNSHIPPED");

    s.clock.advance(Duration.ofDays(2));
    fe.pollSupplierOrder(SHOP, so.reference());
    assertThat(fe.getOrder(SHOP, OrderId.of("c-2")).status()).isEqualTo(OrderStatus.SHIPPED);
  }

  @Test
  void eachTenantsOrdersGoToItsOwnCjAccount() {
    FulfillmentEngine fe = engine(CjPayment.BALANCE);
    create(fe, SHOP, "mt-1");
    create(fe, SHOP_B, "mt-1");
    fe.processOrder(SHOP, OrderId.of("mt-1"));
    fe.processOrder(SHOP_B, OrderId.of("mt-1"));

    List<RecordedCall> creates = s.sim.recorder().calls(Endpoint.CREATE_ORDER_V2);
    assertThat(creates).extracting(RecordedCall::openId).containsExactlyInAnyOrder(s.sim.openId(), SimSupport.SECOND_OPEN_ID);
    assertThat(s.sim.orders().byOrderNumber("mt-1-1")).hasSize(2); // one per account, same order number
    assertThat(s.sim.recorder().calls(Endpoint.FREIGHT_CALCULATE)).extracting(RecordedCall::openId)
        .containsExactlyInAnyOrder(s.sim.openId(), SimSupport.SECOND_OPEN_ID);
    Map<TenantId, String> ids = Map.of(SHOP, String.valueOf(supplierOrder(fe, SHOP, "mt-1").supplierOrderId()),
        SHOP_B, String.valueOf(supplierOrder(fe, SHOP_B, "mt-1").supplierOrderId()));
    assertThat(ids.get(SHOP)).isNotEqualTo(ids.get(SHOP_B));
  }
}

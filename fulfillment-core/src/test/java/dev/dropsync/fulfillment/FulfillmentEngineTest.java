package dev.dropsync.fulfillment;

import static dev.dropsync.fulfillment.testing.Fixture.OTHER;
import static dev.dropsync.fulfillment.testing.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.fulfillment.spi.CancellationAnswer;
import dev.dropsync.fulfillment.testing.Fixture;
import dev.dropsync.inventory.CurrencyMismatchException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.ReservationStatus;
import dev.dropsync.inventory.VariantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FulfillmentEngineTest {
  private final Fixture f = new Fixture();
  private final Instant epoch = Instant.EPOCH;
  private final Instant future = Instant.parse("2100-01-01T00:00:00Z");

  @Test
  void processOrderReservesQuotesPlacesCommitsNotifiesAndRecordsCommission() {
    Order created = f.engine.createOrder(Fixture.order(TENANT, "o-1").build());
    assertThat(created.status()).isEqualTo(OrderStatus.PENDING);

    Order o = f.engine.processOrder(TENANT, created.id());

    assertThat(o.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(o.reservationCommitted()).isTrue();
    assertThat(o.history()).extracting(StatusChange::to)
        .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PROCESSING);
    assertThat(o.history()).allSatisfy(h -> assertThat(h.at()).isEqualTo(f.clock.instant()));
    assertThat(o.shipments()).hasSize(1);
    assertThat(o.shipments().get(0).reference()).isEqualTo("o-1-1");
    assertThat(o.shipments().get(0).freight().carrier()).isEqualTo("CJPacket");
    assertThat(f.suppliers.placements(TENANT, "cj", "o-1-1")).isEqualTo(1);
    assertThat(f.inventory.onHand(TENANT, "v1")).isEqualTo(98);
    assertThat(f.inventory.reserved(TENANT, "v1")).isZero();
    // order total 2*20 + 10 + 5 shipping = 55.00 → 16.50 client / 38.50 platform
    assertThat(o.commission()).isNotNull();
    assertThat(o.commission().client()).isEqualTo(Money.of("16.50", "USD"));
    assertThat(o.commission().platform()).isEqualTo(Money.of("38.50", "USD"));
    assertThat(f.notifier.sent(TENANT, o.id())).extracting(Notification::type).containsExactly(NotificationType.CONFIRMED);
    assertThat(f.engine.communications(TENANT, o.id())).extracting(CommunicationRecord::status)
        .containsExactly(CommunicationRecord.Status.SENT);

    Order again = f.engine.processOrder(TENANT, o.id());
    assertThat(again.version()).isEqualTo(o.version());
    assertThat(f.suppliers.totalPlacements()).isEqualTo(1);
    assertThat(f.engine.earningEntries(TENANT, epoch, future)).hasSize(1);
  }

  @Test
  void linesFromDifferentSuppliersBecomeOneSupplierOrderEach() {
    Order o = f.engine.createOrder(Fixture.twoSupplierOrder(TENANT, "o-2").build());
    o = f.engine.processOrder(TENANT, o.id());
    List<SupplierOrder> sos = f.engine.supplierOrders(TENANT, o.id());
    assertThat(sos).extracting(SupplierOrder::supplierId).containsExactly("acme", "cj");
    assertThat(sos).extracting(SupplierOrder::reference).containsExactly("o-2-1", "o-2-2");
    assertThat(sos).allSatisfy(s -> assertThat(s.status()).isEqualTo(SupplierOrderStatus.SUBMITTED));
    assertThat(sos.get(1).lines()).extracting(ShipmentLine::supplierVariantId).containsExactly("sv-v1", "sv-v2");
  }

  @Test
  void shippingPolicyPicksFastestOrCheapestWithinDaysAndHonoursAllowedCarriers() {
    List<FreightOption> opts = List.of(
        new FreightOption("Slow", Money.of("2.00", "USD"), 15, 30),
        new FreightOption("Mid", Money.of("6.00", "USD"), 6, 9),
        new FreightOption("Fast", Money.of("20.00", "USD"), 1, 3));
    assertThat(ShippingPolicy.cheapest().choose(opts).map(FreightOption::carrier)).contains("Slow");
    assertThat(ShippingPolicy.fastest().choose(opts).map(FreightOption::carrier)).contains("Fast");
    assertThat(ShippingPolicy.cheapestWithin(10).choose(opts).map(FreightOption::carrier)).contains("Mid");
    assertThat(ShippingPolicy.cheapest().allowingOnly(Set.of("fast")).choose(opts).map(FreightOption::carrier)).contains("Fast");
    assertThat(ShippingPolicy.cheapestWithin(0).choose(opts)).isEmpty();
  }

  @Test
  void noAcceptableFreightHoldsTheOrderAndRetriesLater() {
    Fixture g = new Fixture(b -> b.shippingPolicy(ShippingPolicy.cheapestWithin(1)));
    Order o = g.engine.createOrder(Fixture.order(TENANT, "o-3").build());
    o = g.engine.processOrder(TENANT, o.id());
    assertThat(o.status()).isEqualTo(OrderStatus.ON_HOLD);
    assertThat(o.holdReason()).isEqualTo(HoldReason.NO_SHIPPING_OPTION);
    assertThat(g.suppliers.totalPlacements()).isZero();
    g.freight.defaults(List.of(new FreightOption("Express", Money.of("30.00", "USD"), 1, 1)));
    o = g.engine.processOrder(TENANT, o.id());
    assertThat(o.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(g.suppliers.totalPlacements()).isEqualTo(1);
  }

  @Test
  void notEnoughStockHoldsTheOrderUnderHoldPolicyAndReservesNothing() {
    f.inventory.setOnHand(TENANT, "v1", 1);
    Order o = f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "o-4").build()).id());
    assertThat(o.status()).isEqualTo(OrderStatus.ON_HOLD);
    assertThat(o.holdReason()).isEqualTo(HoldReason.OUT_OF_STOCK);
    assertThat(f.inventory.reserved(TENANT, "v2")).isZero();
    assertThat(f.suppliers.totalPlacements()).isZero();
    f.inventory.setOnHand(TENANT, "v1", 10);
    o = f.engine.processOrder(TENANT, o.id());
    assertThat(o.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(o.history()).extracting(StatusChange::to).containsExactly(
        OrderStatus.PENDING, OrderStatus.ON_HOLD, OrderStatus.CONFIRMED, OrderStatus.PROCESSING);
  }

  @Test
  void shipAvailablePolicyShipsWhatIsThereAndStaysPartial() {
    Fixture g = new Fixture(b -> b.stockPolicy(StockPolicy.SHIP_AVAILABLE));
    g.inventory.setOnHand(TENANT, "v1", 1);
    g.inventory.setOnHand(TENANT, "v2", 0);
    Order o = g.engine.processOrder(TENANT, g.engine.createOrder(Fixture.order(TENANT, "o-5").build()).id());
    assertThat(o.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(o.allocated()).hasSize(1);
    assertThat(o.unallocatedUnits()).isEqualTo(2);
    assertThat(o.shipments().get(0).lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(1));
    // commission on what ships: 20.00 + 5.00 shipping = 25.00 → 7.50
    assertThat(o.commission()).isNotNull();
    assertThat(o.commission().client()).isEqualTo(Money.of("7.50", "USD"));
    g.engine.applySupplierUpdate(TENANT, SupplierUpdate.builder().reference("o-5-1")
        .status(SupplierOrderStatus.SHIPPED).trackingNumber("T1").asOf(g.clock.instant().plusSeconds(1)).build());
    Order shipped = g.engine.getOrder(TENANT, o.id());
    assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(shipped.fulfillmentStatus()).isEqualTo(FulfillmentStatus.PARTIALLY_SHIPPED);
  }

  @Test
  void badInputIsRejectedNamingFieldAndValueAndNothingHappens() {
    assertThatThrownBy(() -> Address.builder().name("A").line1("l").city("c").zip("1").country("XX").phone("+15550000000").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("address.country").hasMessageContaining("XX");
    assertThatThrownBy(() -> Address.builder().name("A").line1("l").city("c").country("US").phone("+15550000000").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("address.zip");
    assertThatThrownBy(() -> Address.builder().name("A").line1("l").city("c").zip("1").country("US").phone("12ab").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("address.phone").hasMessageContaining("12ab");
    assertThatThrownBy(() -> Address.builder().line1("l").city("c").zip("1").country("US").phone("+15550000000").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("address.name");
    assertThat(Address.builder().name("A").line1("l").city("Hong Kong").country("hk").phone("+852 2123 4567").build().zip()).isNull();
    assertThatThrownBy(() -> Fixture.order(TENANT, "x").line(VariantId.of("v3"), 0, Money.of("1.00", "USD")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("quantity").hasMessageContaining("\"0\"");
    assertThatThrownBy(() -> Fixture.order(TENANT, "x").line(VariantId.of("v3"), -2, Money.of("1.00", "USD")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("quantity");
    assertThatThrownBy(() -> Fixture.order(TENANT, "x").line(VariantId.of("v3"), 1, Money.of("1.00", "EUR")).build())
        .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("EUR");
    assertThatThrownBy(() -> CustomerContact.of("A", "not-an-email"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("customer.email").hasMessageContaining("not-an-email");
    assertThatThrownBy(() -> f.engine.createOrder(Fixture.order(TENANT, "x").line(VariantId.of("nope"), 1, Money.of("1.00", "USD")).build()))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("lines[2].variant").hasMessageContaining("nope");
    assertThatThrownBy(() -> f.engine.processOrder(TENANT, OrderId.of("missing")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("orderId").hasMessageContaining("missing");
    assertThat(f.engine.findOrder(TENANT, OrderId.of("x"))).isEmpty();
    assertThat(f.inventory.reserved(TENANT, "v1")).isZero();
    assertThat(f.suppliers.totalPlacements()).isZero();
    assertThat(f.engine.earningEntries(TENANT, epoch, future)).isEmpty();
  }

  @Test
  void creatingTheSameOrderTwiceIsIdempotentButDifferentContentIsRefused() {
    Order a = f.engine.createOrder(Fixture.order(TENANT, "o-6").build());
    assertThat(f.engine.createOrder(Fixture.order(TENANT, "o-6").build())).isEqualTo(a);
    assertThatThrownBy(() -> f.engine.createOrder(Fixture.twoSupplierOrder(TENANT, "o-6").build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("orderId").hasMessageContaining("o-6");
  }

  @Test
  void tenantsCannotSeeEachOthersOrders() {
    Order a = f.engine.createOrder(Fixture.order(TENANT, "same-id").build());
    assertThat(f.engine.findOrder(OTHER, a.id())).isEmpty();
    assertThatThrownBy(() -> f.engine.processOrder(OTHER, a.id())).isInstanceOf(NotFoundException.class);
    f.engine.createOrder(Fixture.twoSupplierOrder(OTHER, "same-id").build());
    f.engine.processOrder(OTHER, a.id());
    assertThat(f.engine.getOrder(TENANT, a.id()).status()).isEqualTo(OrderStatus.PENDING);
    assertThat(f.engine.supplierOrders(TENANT, a.id())).isEmpty();
    assertThat(f.engine.supplierOrders(OTHER, a.id())).hasSize(2);
    assertThat(f.engine.earningEntries(TENANT, epoch, future)).isEmpty();
  }

  @Test
  void cancelBeforePlacementReleasesTheReservation() {
    Fixture g = new Fixture(b -> b.shippingPolicy(ShippingPolicy.cheapestWithin(1)));
    Order o = g.engine.processOrder(TENANT, g.engine.createOrder(Fixture.order(TENANT, "o-7").build()).id());
    assertThat(o.holdReason()).isEqualTo(HoldReason.NO_SHIPPING_OPTION);
    assertThat(g.inventory.reserved(TENANT, "v1")).isEqualTo(2);
    CancellationResult r = g.engine.cancel(TENANT, o.id(), "ops:ann", "customer asked");
    assertThat(r.cancelled()).isTrue();
    assertThat(r.order().history().get(r.order().history().size() - 1))
        .satisfies(h -> {
          assertThat(h.to()).isEqualTo(OrderStatus.CANCELLED);
          assertThat(h.actor()).isEqualTo("ops:ann");
          assertThat(h.reason()).isEqualTo("customer asked");
        });
    assertThat(g.inventory.reserved(TENANT, "v1")).isZero();
    assertThat(g.inventory.findReservation(TENANT, "o-7")).hasValueSatisfying(
        res -> assertThat(res.status()).isEqualTo(ReservationStatus.RELEASED));
    assertThat(g.notifier.sent(TENANT, o.id())).extracting(Notification::type).containsExactly(NotificationType.CANCELLED);
    assertThat(g.engine.processOrder(TENANT, o.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(g.suppliers.totalPlacements()).isZero();
  }

  @Test
  void cancelAfterPlacementAsksTheSupplierAndReversesTheCommission() {
    Order o = f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.twoSupplierOrder(TENANT, "o-8").build()).id());
    CancellationResult r = f.engine.cancel(TENANT, o.id(), "ops", "fraud");
    assertThat(r.answers()).containsOnlyKeys("o-8-1", "o-8-2");
    assertThat(r.answers().values()).extracting(CancellationAnswer::outcome).containsOnly(CancellationAnswer.Outcome.ACCEPTED);
    assertThat(r.cancelled()).isTrue();
    assertThat(f.engine.supplierOrders(TENANT, o.id())).extracting(SupplierOrder::status)
        .containsOnly(SupplierOrderStatus.CANCELLED);
    var totals = java.util.Objects.requireNonNull(f.engine.earnings(TENANT, epoch, future).get(o.currency()));
    assertThat(totals.base().isZero()).isTrue();
    assertThat(totals.client().isZero()).isTrue();
    assertThat(totals.platform().isZero()).isTrue();
    assertThat(totals.entries()).isEqualTo(2);
  }

  @Test
  void supplierRefusingCancellationLetsFulfilmentContinue() {
    Order o = f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "o-9").build()).id());
    f.suppliers.advance(TENANT, "cj", "o-9-1", SupplierOrderStatus.SHIPPED, null, null);
    f.engine.pollSupplierOrder(TENANT, "o-9-1");
    assertThatThrownBy(() -> f.engine.cancel(TENANT, o.id(), "ops", "late"))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("SHIPPED").hasMessageContaining("CANCELLED");

    Order p = f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "o-10").build()).id());
    f.clock.advance(Duration.ofMinutes(1));
    f.suppliers.answerCancellationsPending(true);
    CancellationResult pending = f.engine.cancel(TENANT, p.id(), "ops", "customer");
    assertThat(pending.cancelled()).isFalse();
    assertThat(java.util.Objects.requireNonNull(pending.answers().get("o-10-1")).outcome()).isEqualTo(CancellationAnswer.Outcome.PENDING);
    assertThat(f.engine.supplierOrders(TENANT, p.id()).get(0).status()).isEqualTo(SupplierOrderStatus.CANCELLATION_REQUESTED);
    // the supplier later reports it went ahead (cancellation refused): back to IN_PROGRESS, flag cleared
    f.engine.applySupplierUpdate(TENANT, SupplierUpdate.builder().reference("o-10-1")
        .status(SupplierOrderStatus.IN_PROGRESS).asOf(f.clock.instant()).build());
    Order after = f.engine.getOrder(TENANT, p.id());
    assertThat(after.cancellationRequested()).isFalse();
    assertThat(after.status()).isEqualTo(OrderStatus.PROCESSING);
  }

  @Test
  void refundsReverseCommissionBySameRuleAndFullRefundReversesExactly() {
    Order o = f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "o-11").build()).id());
    f.engine.recordRefund(TENANT, o.id(), "r1", Money.of("10.01", "USD"), "damaged");
    f.engine.recordRefund(TENANT, o.id(), "r1", Money.of("10.01", "USD"), "damaged"); // idempotent
    assertThatThrownBy(() -> f.engine.recordRefund(TENANT, o.id(), "r1", Money.of("3.00", "USD"), "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("refundId");
    assertThatThrownBy(() -> f.engine.recordRefund(TENANT, o.id(), "r2", Money.of("100.00", "USD"), "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("amount");
    assertThatThrownBy(() -> f.engine.recordRefund(TENANT, o.id(), "r2", Money.of("1", "JPY"), "x"))
        .isInstanceOf(CurrencyMismatchException.class);
    var entries = f.engine.earningEntries(TENANT, epoch, future);
    assertThat(entries).hasSize(2);
    CommissionSplit reversal = entries.get(1).split();
    assertThat(reversal.base().isNegative()).isTrue();
    assertThat(reversal.client().plus(reversal.platform())).isEqualTo(reversal.base());
    f.engine.recordRefund(TENANT, o.id(), "r2", Money.of("44.99", "USD"), "rest");
    var totals = java.util.Objects.requireNonNull(f.engine.earnings(TENANT, epoch, future).get(o.currency()));
    assertThat(totals.base().isZero()).isTrue();
    assertThat(totals.client().isZero()).isTrue();
    assertThat(totals.platform().isZero()).isTrue();
  }

  @Test
  void delayedOrdersAreNotifiedOnceAfterTheSla() {
    Order o = f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "o-12").build()).id());
    assertThat(f.engine.notifyDelayedOrders(TENANT, epoch)).isZero();
    f.clock.advance(Duration.ofDays(6));
    assertThat(f.engine.notifyDelayedOrders(TENANT, epoch)).isEqualTo(1);
    assertThat(f.engine.notifyDelayedOrders(TENANT, epoch)).isZero();
    assertThat(f.notifier.sent(TENANT, o.id())).extracting(Notification::type)
        .containsExactly(NotificationType.CONFIRMED, NotificationType.DELAYED);
  }

  @Test
  void aFailingNotifierIsLoggedAndRetriedOnTheNextRunButNeverDuplicated() {
    f.notifier.failNextSends(1);
    Order o = f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "o-13").build()).id());
    assertThat(f.engine.communications(TENANT, o.id())).singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(CommunicationRecord.Status.FAILED));
    f.engine.processOrder(TENANT, o.id());
    f.engine.processOrder(TENANT, o.id());
    assertThat(f.engine.communications(TENANT, o.id())).singleElement()
        .satisfies(c -> {
          assertThat(c.status()).isEqualTo(CommunicationRecord.Status.SENT);
          assertThat(c.attempts()).isEqualTo(2);
        });
    assertThat(f.notifier.sent(TENANT, o.id())).hasSize(1);
  }

  @Test
  void supplierRejectionPutsTheOrderOnHold() {
    f.suppliers.rejectNextPlaces(1, "address not deliverable");
    Order o = f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "o-14").build()).id());
    assertThat(o.status()).isEqualTo(OrderStatus.ON_HOLD);
    assertThat(o.holdReason()).isEqualTo(HoldReason.SUPPLIER_REJECTED);
    assertThat(f.engine.supplierOrders(TENANT, o.id()).get(0).lastError()).contains("address not deliverable");
    assertThat(o.commission()).isNull();
    assertThat(f.inventory.effectiveCommits()).isZero();
  }

  @Test
  void placementRetriesSpentFailTheOrderAndAnOperatorCanRetry() {
    Fixture g = new Fixture(b -> b.maxSubmitAttempts(2));
    g.suppliers.failNextPlacesBeforeCreate(2);
    OrderId id = g.engine.createOrder(Fixture.order(TENANT, "o-15").build()).id();
    assertThatThrownBy(() -> g.engine.processOrder(TENANT, id)).isInstanceOf(StepFailedException.class);
    assertThatThrownBy(() -> g.engine.processOrder(TENANT, id)).isInstanceOf(StepFailedException.class)
        .satisfies(e -> assertThat(((StepFailedException) e).step()).isEqualTo(PipelineStep.PLACE));
    Order failed = g.engine.processOrder(TENANT, id);
    assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
    assertThat(g.notifier.sent(TENANT, id)).extracting(Notification::type).containsExactly(NotificationType.FAILED);
    Order retried = g.engine.resume(TENANT, id, "ops", "supplier back");
    assertThat(retried.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(g.suppliers.totalPlacements()).isEqualTo(1);
  }

  @Test
  void kpisComputeTimesRatesAndRevenueWithEmptyForZeroDenominators() {
    FulfillmentKpis empty = f.engine.kpis(TENANT, epoch, future);
    assertThat(empty.orders()).isZero();
    assertThat(empty.successRate()).isEmpty();
    assertThat(empty.onTimeRate()).isEmpty();
    assertThat(empty.p50ToShip()).isEmpty();

    Instant start = f.clock.instant();
    for (int i = 1; i <= 4; i++) {
      f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "k-" + i).build()).id());
    }
    f.engine.cancel(TENANT, OrderId.of("k-4"), "ops", "x");
    for (int i = 1; i <= 3; i++) {
      f.clock.advance(Duration.ofDays(2));
      f.engine.applySupplierUpdate(TENANT, SupplierUpdate.builder().reference("k-" + i + "-1")
          .status(SupplierOrderStatus.SHIPPED).asOf(f.clock.instant()).build());
    }
    f.clock.advance(Duration.ofDays(1));
    f.engine.applySupplierUpdate(TENANT, SupplierUpdate.builder().reference("k-1-1")
        .status(SupplierOrderStatus.DELIVERED).asOf(f.clock.instant()).build());
    FulfillmentKpis k = f.engine.kpis(TENANT, start, f.clock.instant().plusSeconds(1));
    assertThat(k.orders()).isEqualTo(4);
    assertThat(k.ordersPerStatus().get(OrderStatus.SHIPPED)).isEqualTo(2);
    assertThat(k.ordersPerStatus().get(OrderStatus.DELIVERED)).isEqualTo(1);
    assertThat(k.ordersPerStatus().get(OrderStatus.CANCELLED)).isEqualTo(1);
    assertThat(k.p50ToShip()).contains(Duration.ofDays(4));
    assertThat(k.p95ToShip()).contains(Duration.ofDays(6));
    assertThat(k.avgToShip()).contains(Duration.ofDays(4));
    assertThat(k.avgToDeliver()).contains(Duration.ofDays(7));
    assertThat(k.successRate().getAsDouble()).isEqualTo(0.75);
    assertThat(k.onTimeRate().getAsDouble()).isEqualTo(2.0 / 3);
    assertThat(k.revenue().get(java.util.Currency.getInstance("USD"))).isEqualTo(Money.of("165.00", "USD"));
    var usd = java.util.Objects.requireNonNull(k.commission().get(java.util.Currency.getInstance("USD")));
    assertThat(usd.client().plus(usd.platform())).isEqualTo(usd.base());
    assertThat(usd.base()).isEqualTo(Money.of("165.00", "USD"));

    FulfillmentMetrics day = f.engine.snapshotDay(TENANT, java.time.LocalDate.of(2026, 11, 2), java.time.ZoneOffset.UTC);
    assertThat(day.kpis().orders()).isEqualTo(4);
    assertThat(f.engine.metricsStore().find(TENANT, day.day())).contains(day);
  }

  @Test
  void manualHoldAndResumeContinueWhereTheOrderWas() {
    Order o = f.engine.createOrder(Fixture.order(TENANT, "o-16").build());
    Order held = f.engine.hold(TENANT, o.id(), "ops:bob", "address check");
    assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
    assertThat(held.holdReason()).isEqualTo(HoldReason.MANUAL);
    assertThat(f.engine.processOrder(TENANT, o.id()).status()).as("a manual hold is not auto-released").isEqualTo(OrderStatus.ON_HOLD);
    Order resumed = f.engine.resume(TENANT, o.id(), "ops:bob", "address ok");
    assertThat(resumed.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(f.suppliers.totalPlacements()).isEqualTo(1);
    assertThat(resumed.history()).anySatisfy(h -> {
      assertThat(h.to()).isEqualTo(OrderStatus.ON_HOLD);
      assertThat(h.actor()).isEqualTo("ops:bob");
      assertThat(h.reason()).isEqualTo("address check");
    });
    f.suppliers.advance(TENANT, "cj", "o-16-1", SupplierOrderStatus.SHIPPED, null, null);
    f.engine.pollSupplierOrder(TENANT, "o-16-1");
    assertThatThrownBy(() -> f.engine.hold(TENANT, o.id(), "ops", "late"))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("SHIPPED").hasMessageContaining("ON_HOLD");
    assertThatThrownBy(() -> f.engine.resume(TENANT, o.id(), "ops", "x")).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void anOrderIsNotShippedWhileAGroupIsStillUnplaced() {
    f.suppliers.failNextPlacesBeforeCreate(1); // group 1 (acme) fails, group 2 (cj) is placed
    OrderId id = f.engine.createOrder(Fixture.twoSupplierOrder(TENANT, "o-17").build()).id();
    assertThatThrownBy(() -> f.engine.processOrder(TENANT, id)).isInstanceOf(StepFailedException.class);
    f.suppliers.advance(TENANT, "cj", "o-17-2", SupplierOrderStatus.SHIPPED, null, null);
    f.engine.pollSupplierOrder(TENANT, "o-17-2");
    Order o = f.engine.getOrder(TENANT, id);
    assertThat(o.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(o.fulfillmentStatus()).isEqualTo(FulfillmentStatus.PARTIALLY_SHIPPED);
    f.clock.advance(Duration.ofMinutes(3));
    assertThat(f.engine.processOrder(TENANT, id).commission()).isNotNull();
    f.suppliers.advance(TENANT, "acme", "o-17-1", SupplierOrderStatus.SHIPPED, null, null);
    f.clock.advance(Duration.ofMinutes(1));
    f.engine.pollSupplierOrder(TENANT, "o-17-1");
    assertThat(f.engine.getOrder(TENANT, id).status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(f.suppliers.totalPlacements()).isEqualTo(2);
  }

  @Test
  void earningsArePerTenantWithDailyPeriodTotals() {
    f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "e-1").build()).id());
    f.clock.advance(Duration.ofDays(1));
    f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "e-2").build()).id());
    f.engine.processOrder(TENANT, f.engine.createOrder(Fixture.order(TENANT, "e-3").build()).id());
    f.engine.processOrder(Fixture.OTHER, f.engine.createOrder(Fixture.order(Fixture.OTHER, "e-4").build()).id());
    java.time.LocalDate d = java.time.LocalDate.of(2026, 11, 2);
    var days = f.engine.earningsByDay(TENANT, d, d.plusDays(7), java.time.ZoneOffset.UTC);
    assertThat(days).containsOnlyKeys(d, d.plusDays(1));
    var usd = java.util.Currency.getInstance("USD");
    assertThat(java.util.Objects.requireNonNull(java.util.Objects.requireNonNull(days.get(d)).get(usd)).client()).isEqualTo(Money.of("16.50", "USD"));
    EarningsTotals second = java.util.Objects.requireNonNull(java.util.Objects.requireNonNull(days.get(d.plusDays(1))).get(usd));
    assertThat(second.entries()).isEqualTo(2);
    assertThat(second.base()).isEqualTo(Money.of("110.00", "USD"));
    assertThat(second.client().plus(second.platform())).isEqualTo(second.base());
  }

  @Test
  void ordersAndSupplierOrdersAreListedAndFoundByExternalIdWithinTheTenant() {
    Fixture fx = new Fixture();
    fx.engine.createOrder(Fixture.order(TENANT, "o-1").build());
    fx.clock.advance(Duration.ofMinutes(1));
    fx.engine.createOrder(Fixture.order(TENANT, "o-2").build());
    fx.engine.createOrder(Fixture.order(OTHER, "o-1").build());
    Instant now = fx.clock.instant();
    assertThat(fx.engine.listOrders(TENANT, now.minus(Duration.ofHours(1)), now.plusSeconds(1)))
        .extracting(o -> o.id().value()).containsExactly("o-1", "o-2");
    assertThat(fx.engine.listOrders(TENANT, now, now.plusSeconds(1))).extracting(o -> o.id().value()).containsExactly("o-2");
    assertThatThrownBy(() -> fx.engine.listOrders(TENANT, now, now.minusSeconds(1))).isInstanceOf(InvalidInputException.class);

    fx.engine.processOrder(TENANT, OrderId.of("o-1"));
    SupplierOrder placed = fx.engine.supplierOrders(TENANT, OrderId.of("o-1")).get(0);
    String supplierOrderId = java.util.Objects.requireNonNull(placed.supplierOrderId());
    assertThat(fx.engine.findSupplierOrder(TENANT, placed.reference())).contains(placed);
    assertThat(fx.engine.findSupplierOrder(OTHER, placed.reference())).isEmpty();
    assertThat(fx.engine.findSupplierOrdersByExternalId(TENANT, "cj", supplierOrderId)).containsExactly(placed);
    assertThat(fx.engine.findSupplierOrdersByExternalId(OTHER, "cj", supplierOrderId)).isEmpty();
    fx.engine.applySupplierUpdate(TENANT, SupplierUpdate.builder().reference(placed.reference())
        .status(SupplierOrderStatus.SHIPPED).trackingNumber("TRK-7").asOf(fx.clock.instant().plusSeconds(5)).build());
    assertThat(fx.engine.findSupplierOrdersByExternalId(TENANT, "cj", "TRK-7")).extracting(SupplierOrder::reference)
        .containsExactly(placed.reference());
  }
}

package dev.dropsync.cj.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.CjException;
import dev.dropsync.cj.CjPaymentException;
import dev.dropsync.cj.CjServerException;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.Fault;
import dev.dropsync.cj.testkit.RecordedCall;
import dev.dropsync.cj.testkit.SimOrder;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.spi.CancellationAnswer;
import dev.dropsync.fulfillment.spi.PlacementResult;
import dev.dropsync.fulfillment.spi.SupplierOrderSnapshot;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CjSupplierOrdersTest {
  private final OrderSupport o = new OrderSupport();
  private final CjSupplierOrders balance = o.supplier().build().orders();
  private final CjSupplierOrders createOnly = o.supplier().payment(CjPayment.CREATE_ONLY).build().orders();
  private static final TenantId T = OrderSupport.T;

  @AfterEach
  void stop() {
    o.close();
  }

  private SimOrder only(String reference) {
    List<SimOrder> orders = o.s.sim.orders().byOrderNumber(reference);
    assertThat(orders).as("CJ orders with number %s", reference).hasSize(1);
    return orders.get(0);
  }

  @Test
  void placeSendsCreateOrderV2WithTheReferenceAsOrderNumberAndPaysFromTheBalance() {
    BigDecimal walletBefore = o.s.sim.orders().balance();
    PlacementResult r = balance.place(o.request("shop-1001-1"));

    SimOrder cj = only("shop-1001-1");
    assertThat(r.supplierOrderId()).isEqualTo(cj.cjOrderId()).startsWith("SD");
    assertThat(cj.status()).isEqualTo("UNSHIPPED");
    assertThat(o.s.sim.orders().balance()).isLessThan(walletBefore);
    List<RecordedCall> creates = o.s.sim.recorder().calls(Endpoint.CREATE_ORDER_V2);
    assertThat(creates).hasSize(1);
    assertThat(creates.get(0).body()).contains("\"orderNumber\":\"shop-1001-1\"", "\"payType\":2",
        "\"fromCountryCode\":\"CN\"", "\"logisticName\":\"CJPacket Ordinary\"", "\"platform\":\"shopify\"",
        "\"shippingCountry\":\"United States\"", "\"shippingProvince\":\"IL\"", "\"vid\":\"" + o.vid + "\"",
        "\"quantity\":2").doesNotContain("isSandbox");
    assertThat(creates.get(0).openId()).isEqualTo(o.s.sim.openId());
    assertThat(balance.status(T, "cj", "shop-1001-1").status()).isEqualTo(SupplierOrderStatus.ACCEPTED);
  }

  @Test
  void createOnlyLeavesTheOrderForPaymentAndPayFromBalanceConfirmsAndPaysIt() {
    createOnly.place(o.request("co-1"));
    assertThat(only("co-1").status()).isEqualTo("CREATED");
    assertThat(o.s.sim.recorder().calls(Endpoint.CREATE_ORDER_V2).get(0).body()).contains("\"payType\":3");
    assertThat(createOnly.status(T, "cj", "co-1").status()).isEqualTo(SupplierOrderStatus.SUBMITTED);

    SupplierOrderSnapshot paid = createOnly.payFromBalance(T, "co-1");

    assertThat(paid.status()).isEqualTo(SupplierOrderStatus.ACCEPTED);
    assertThat(only("co-1").status()).isEqualTo("UNSHIPPED");
    assertThat(o.s.sim.recorder().count(Endpoint.CONFIRM_ORDER)).isEqualTo(1);
    assertThat(o.s.sim.recorder().count(Endpoint.PAY_BALANCE)).isEqualTo(1);
    assertThat(createOnly.payFromBalance(T, "co-1").status()).as("paying again is a no-op").isEqualTo(SupplierOrderStatus.ACCEPTED);
    assertThat(o.s.sim.recorder().count(Endpoint.PAY_BALANCE)).isEqualTo(1);
  }

  @Test
  void aShortBalanceLeavesTheOrderUnpaidUntilItIsToppedUpAndPaid() {
    o.s.sim.orders().setBalance(new BigDecimal("1.00"));
    PlacementResult r = balance.place(o.request("poor-1"));
    assertThat(r.isCreated()).isTrue();
    assertThat(only("poor-1").status()).isEqualTo("UNPAID");
    assertThat(balance.status(T, "cj", "poor-1").status()).isEqualTo(SupplierOrderStatus.SUBMITTED);
    assertThatThrownBy(() -> balance.payFromBalance(T, "poor-1")).isInstanceOf(CjPaymentException.class)
        .hasMessageContaining("1604000");

    o.s.sim.orders().setBalance(new BigDecimal("500.00"));
    assertThat(balance.payFromBalance(T, "poor-1").status()).isEqualTo(SupplierOrderStatus.ACCEPTED);
    assertThat(o.s.sim.recorder().count(Endpoint.CONFIRM_ORDER)).as("UNPAID is already confirmed").isZero();
  }

  static Stream<Arguments> definiteRejections() {
    return Stream.of(
        Arguments.of("CJ: unknown logistic (1605000)", "logistic", null, "1605000"),
        Arguments.of("CJ: unknown variant (1602000)", "variant", null, "1602000"),
        Arguments.of("CJ: product off the shelf (1602002)", "offShelf", null, "1602002"),
        Arguments.of("client: order number over 50 characters", "longReference", null, "orderNumber"),
        Arguments.of("CJ: HTTP 400 parameter error", "ok", Fault.badRequest(), "1600300"),
        Arguments.of("CJ: platform rejected (5027)", "ok", Fault.cjError(5027, "platform is not supported"), "5027"),
        Arguments.of("CJ: bad country (1605002)", "ok", Fault.cjError(1605002, "Country code is invalid"), "1605002"),
        Arguments.of("CJ: balance payment refused (1604001)", "ok",
            Fault.cjError(1604001, "Balance payment is restricted"), "1604001"));
  }

  @ParameterizedTest(name = "{0} → rejected")
  @MethodSource("definiteRejections")
  void definiteRefusalsAreRejectionsAndNoOrderExists(String name, String shape, @Nullable Fault fault, String reasonPart) {
    String vid = o.vid;
    String carrier = "CJPacket Ordinary";
    String reference = "rej-1";
    switch (shape) {
      case "logistic" -> carrier = "Pony Express";
      case "variant" -> vid = "1999999999999999999";
      case "offShelf" -> o.s.sim.catalog().takeOffline(o.s.sim.catalog().productIdOf(vid));
      case "longReference" -> reference = "r".repeat(51);
      default -> { }
    }
    if (fault != null) {
      o.s.sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, fault);
    }

    PlacementResult r = balance.place(o.request(reference, vid, carrier));

    assertThat(r.isCreated()).as(name).isFalse();
    assertThat(r.rejectionReason()).as(name).contains(reasonPart);
    assertThat(o.s.sim.orders().count()).as(name).isZero();
    assertThat(o.s.sim.recorder().count(Endpoint.CREATE_ORDER_V2)).as("never resent").isLessThanOrEqualTo(1);
  }

  @Test
  void aBusyAnswerIsLookedUpAndSentOnceMoreByTheClientGuardGivingOneOrder() {
    o.s.sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.busy());
    PlacementResult r = balance.place(o.request("busy-1"));
    assertThat(r.supplierOrderId()).isEqualTo(only("busy-1").cjOrderId());
    assertThat(o.s.sim.recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(2);
    assertThat(o.s.sim.recorder().duplicateOrderNumbers()).isEmpty();
  }

  @Test
  void anOutcomeThatStaysUnknownThrowsAndNothingIsCreated() {
    o.s.sim.faults().next(Endpoint.CREATE_ORDER_V2, 2, Fault.serverError(502));
    assertThatThrownBy(() -> balance.place(o.request("unk-1"))).isInstanceOf(CjServerException.class);
    assertThat(o.s.sim.orders().count()).isZero();
    assertThat(o.s.sim.recorder().count(Endpoint.CREATE_ORDER_V2)).as("the guard resends at most once").isEqualTo(2);
    assertThat(balance.find(T, "cj", "unk-1")).isEmpty();
  }

  @Test
  void aLostCreateResponseIsRecoveredAsTheOrderCjHolds() {
    o.s.sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.lostResponse());
    PlacementResult r = balance.place(o.request("lost-1"));
    assertThat(r.supplierOrderId()).isEqualTo(only("lost-1").cjOrderId());
    assertThat(o.s.sim.recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(1);
  }

  @Test
  void aLostResponseWhoseLookupAlsoFailsThrowsAndFindLaterAdoptsTheOneOrder() {
    o.s.sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.lostResponse());
    o.s.sim.faults().next(Endpoint.ORDER_DETAIL, 10, Fault.serverError(503));
    assertThatThrownBy(() -> balance.place(o.request("lost-2"))).isInstanceOf(CjException.class);
    assertThat(o.s.sim.recorder().count(Endpoint.CREATE_ORDER_V2)).as("nothing resent blind").isEqualTo(1);
    o.s.sim.faults().clear();

    SupplierOrderSnapshot found = balance.find(T, "cj", "lost-2").orElseThrow();

    assertThat(found.supplierOrderId()).isEqualTo(only("lost-2").cjOrderId());
    assertThat(found.reference()).isEqualTo("lost-2");
  }

  @Test
  void cjCreateFailedIsAnUnknownOutcomeNotARejection() {
    o.s.sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.cjError(1603000, "Order create failed"));
    assertThatThrownBy(() -> balance.place(o.request("cf-1"))).isInstanceOf(CjException.class).hasMessageContaining("1603000");
  }

  @Test
  void anOrderExistsAnswerIsResolvedByLookingTheOrderUp() {
    try (SimSupport strict = SimSupport.start(b -> b.rejectDuplicateOrderNumbers(true))) {
      CjSupplierOrders orders = CjSupplier.builder().client(strict.client()).clock(strict.clock).build().orders();
      String vid = strict.sim.catalog().inStockVariantIds().get(0);
      strict.sim.catalog().setStock(vid, 100);
      String first = orders.place(o.request("dup-1", vid, "CJPacket Ordinary")).supplierOrderId();

      PlacementResult again = orders.place(o.request("dup-1", vid, "CJPacket Ordinary"));

      assertThat(again.supplierOrderId()).isEqualTo(first);
      assertThat(strict.sim.orders().byOrderNumber("dup-1")).hasSize(1);
      assertThat(strict.sim.recorder().calls(Endpoint.CREATE_ORDER_V2).get(1).cjCode()).isEqualTo(1603003);
    }
  }

  @Test
  void aPaymentRefusalWithAnOrderAtCjIsACreatedOrderNotARejection() {
    // CJ stores the order, then the answer is a payment error: the order exists, so it is adopted
    createOnly.place(o.request("pay-1"));
    o.s.sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.cjError(1604000, "Balance is insufficient"));
    PlacementResult r = balance.place(o.request("pay-1"));
    assertThat(r.supplierOrderId()).isEqualTo(only("pay-1").cjOrderId());
  }

  @Test
  void ordersLiveInTheTenantsOwnAccount() {
    balance.place(o.request("acc-1"));
    assertThat(balance.find(T, "cj", "acc-1")).isPresent();
    assertThat(balance.find(OrderSupport.OTHER, "cj", "acc-1")).isEmpty();
    assertThat(o.s.sim.recorder().calls(Endpoint.ORDER_DETAIL)).extracting(RecordedCall::openId)
        .contains(o.s.sim.openId(), SimSupport.SECOND_OPEN_ID);
  }

  @Test
  void statusOfAnUnknownReferenceIsNotFound() {
    assertThatThrownBy(() -> balance.status(T, "cj", "never-placed")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("never-placed");
  }

  @Test
  void statusFollowsCjsLifecycleOnItsClockWithTrackingAndADeliveryEvent() {
    balance.place(o.request("life-1"));
    assertThat(balance.status(T, "cj", "life-1").status()).isEqualTo(SupplierOrderStatus.ACCEPTED);

    o.s.clock.advance(Duration.ofHours(25)); // past half of shipAfter (2 days): subStatus PROCESSING
    SupplierOrderSnapshot processing = balance.status(T, "cj", "life-1");
    assertThat(processing.status()).isEqualTo(SupplierOrderStatus.IN_PROGRESS);
    assertThat(processing.tracking().trackingNumber()).isNull();

    o.s.clock.advance(Duration.ofHours(23));
    SupplierOrderSnapshot shipped = balance.status(T, "cj", "life-1");
    SimOrder cj = only("life-1");
    assertThat(shipped.status()).isEqualTo(SupplierOrderStatus.SHIPPED);
    assertThat(shipped.tracking().trackingNumber()).isEqualTo(cj.trackNumber()).isNotBlank();
    assertThat(shipped.tracking().carrier()).isEqualTo("CJPacket Ordinary");
    assertThat(shipped.tracking().trackingUrl()).contains(cj.trackNumber());
    assertThat(shipped.events()).isEmpty();
    assertThat(shipped.asOf()).isEqualTo(o.s.clock.instant());

    o.s.clock.advance(Duration.ofDays(8));
    SupplierOrderSnapshot delivered = balance.status(T, "cj", "life-1");
    assertThat(delivered.status()).isEqualTo(SupplierOrderStatus.DELIVERED);
    assertThat(delivered.events()).singleElement().satisfies(e -> {
      assertThat(e.description()).startsWith("Delivered").contains("USPS");
      assertThat(e.at()).isEqualTo(cj.createdAt().plus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      assertThat(e.location()).isEqualTo("US");
    });
    assertThat(o.s.sim.recorder().count(Endpoint.TRACK_INFO)).isEqualTo(2);
  }

  @Test
  void trackingDetailsCanBeSwitchedOff() {
    CjSupplierOrders plain = o.supplier().trackingDetails(false).build().orders();
    plain.place(o.request("plain-1"));
    o.s.clock.advance(Duration.ofDays(11));
    SupplierOrderSnapshot delivered = plain.status(T, "cj", "plain-1");
    assertThat(delivered.status()).isEqualTo(SupplierOrderStatus.DELIVERED);
    assertThat(delivered.tracking().trackingNumber()).isNotBlank();
    assertThat(delivered.events()).isEmpty();
    assertThat(o.s.sim.recorder().count(Endpoint.TRACK_INFO)).isZero();
  }

  @Test
  void cancelBeforePaymentDeletesTheOrderAndIsRepeatable() {
    createOnly.place(o.request("can-1"));
    CancellationAnswer a = createOnly.cancel(T, "cj", "can-1");
    assertThat(a.outcome()).isEqualTo(CancellationAnswer.Outcome.ACCEPTED);
    assertThat(only("can-1").status()).isEqualTo("CANCELLED");
    assertThat(createOnly.cancel(T, "cj", "can-1").outcome()).isEqualTo(CancellationAnswer.Outcome.ACCEPTED);
    assertThat(o.s.sim.recorder().count(Endpoint.DELETE_ORDER)).isEqualTo(1);
    assertThat(createOnly.status(T, "cj", "can-1").status()).isEqualTo(SupplierOrderStatus.CANCELLED);
  }

  @Test
  void cancelAfterPaymentIsRefusedWithTheReasonAndLeavesTheOrder() {
    balance.place(o.request("can-2"));
    CancellationAnswer a = balance.cancel(T, "cj", "can-2");
    assertThat(a.outcome()).isEqualTo(CancellationAnswer.Outcome.REFUSED);
    assertThat(a.detail()).contains("UNSHIPPED", "only before");
    assertThat(only("can-2").status()).isEqualTo("UNSHIPPED");
    assertThat(o.s.sim.recorder().count(Endpoint.DELETE_ORDER)).isZero();

    o.s.clock.advance(Duration.ofDays(3));
    assertThat(balance.cancel(T, "cj", "can-2").detail()).contains("SHIPPED");
  }

  @Test
  void anOrderCjCancelledIsReportedCancelledAndCancellingItIsAccepted() {
    balance.place(o.request("can-3"));
    o.s.sim.orders().cancel(only("can-3").cjOrderId());
    assertThat(balance.status(T, "cj", "can-3").status()).isEqualTo(SupplierOrderStatus.CANCELLED);
    assertThat(balance.cancel(T, "cj", "can-3").outcome()).isEqualTo(CancellationAnswer.Outcome.ACCEPTED);
  }

  @Test
  void badArgumentsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> balance.find(T, "aliexpress", "r-1")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("supplierId").hasMessageContaining("aliexpress");
    assertThatThrownBy(() -> balance.status(T, "cj", " ")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reference");
    CjSupplierOrders someTenants = CjSupplier.builder().clients(t -> t.equals(T) ? o.primary : null).build().orders();
    assertThatThrownBy(() -> someTenants.find(OrderSupport.OTHER, "cj", "r-1")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tenant").hasMessageContaining("t-other");
  }
}

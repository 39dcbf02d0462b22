package dev.dropsync.cj.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjException;
import dev.dropsync.cj.CjServerException;
import dev.dropsync.cj.CjTransportException;
import dev.dropsync.cj.VirtualSleeper;
import dev.dropsync.cj.model.CreatedOrder;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.Fault;
import dev.dropsync.cj.testkit.SimClock;
import dev.dropsync.cj.testkit.SimOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CJ accepts duplicate orderNumbers, so a blindly resent createOrder is a second, chargeable order. Against
 * the simulator (which, like CJ, accepts duplicates) every unknown outcome must still leave exactly one
 * order per orderNumber.
 */
class SimCreateOrderSafetyTest {
  private SimClock clock = SimClock.at(Sims.START);
  private @Nullable CjSimulator sim;
  private @Nullable CjClient cj;
  private String vid = "";

  @BeforeEach
  void start() {
    clock = SimClock.at(Sims.START);
    sim = CjSimulator.builder().clock(clock).qps(2).products(20).seed(9).build().start();
    cj = Sims.client(sim, clock, new VirtualSleeper(clock)).build();
    vid = sim.catalog().inStockVariantIds().get(0);
  }

  @AfterEach
  void stop() {
    if (cj != null) {
      cj.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  private CjSimulator sim() {
    assertThat(sim).isNotNull();
    return sim;
  }

  private CjClient cj() {
    assertThat(cj).isNotNull();
    return cj;
  }

  private SimOrder onlyOrder(String orderNumber) {
    List<SimOrder> orders = sim().orders().byOrderNumber(orderNumber);
    assertThat(orders).as("orders with orderNumber %s", orderNumber).hasSize(1);
    assertThat(sim().recorder().duplicateOrderNumbers()).isEmpty();
    return orders.get(0);
  }

  @Test
  void lostResponseReturnsTheOrderCjCreatedWithoutResending() {
    sim().faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.lostResponse());

    CreatedOrder created = cj().orders().createOrderV2(Sims.order("shop-1001", vid, 2));

    SimOrder stored = onlyOrder("shop-1001");
    assertThat(created.recovered()).isTrue();
    assertThat(created.orderNumber()).isEqualTo("shop-1001");
    assertThat(created.orderId()).isEqualTo(stored.cjOrderId());
    assertThat(created.orderStatus()).isEqualTo("CREATED");
    assertThat(sim().recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(1);
    assertThat(sim().orders().count()).isEqualTo(1);
  }

  @Test
  void disconnectBeforeApplyLooksUpThenResendsOnce() {
    sim().faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.disconnect());

    CreatedOrder created = cj().orders().createOrderV2(Sims.order("shop-1002", vid, 1));

    SimOrder stored = onlyOrder("shop-1002");
    assertThat(created.recovered()).isFalse();
    assertThat(created.orderId()).isEqualTo(stored.cjOrderId());
    assertThat(sim().recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(2);
    // the resend came only after CJ positively did not know the orderNumber
    assertThat(sim().recorder().count(Endpoint.ORDER_DETAIL)).isEqualTo(1);
    assertThat(sim().recorder().calls().stream().map(c -> c.endpoint()).toList())
        .containsSubsequence(Endpoint.CREATE_ORDER_V2, Endpoint.ORDER_DETAIL, Endpoint.ORDER_LIST, Endpoint.CREATE_ORDER_V2);
  }

  @Test
  void busyAnswerLooksUpThenResendsOnce() {
    sim().faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.busy());

    CreatedOrder created = cj().orders().createOrderV2(Sims.order("shop-1003", vid, 1));

    SimOrder stored = onlyOrder("shop-1003");
    assertThat(created.recovered()).isFalse();
    assertThat(created.orderId()).isEqualTo(stored.cjOrderId());
    assertThat(sim().recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(2);
  }

  @Test
  void lostResponseOnPaidOrderIsFoundByDetailLookup() {
    sim().faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.lostResponse());

    CreatedOrder created = cj().orders().createOrderV2(
        Sims.order("shop-1005", vid, 1, 2));

    SimOrder stored = onlyOrder("shop-1005");
    assertThat(created.recovered()).isTrue();
    assertThat(created.orderId()).isEqualTo(stored.cjOrderId());
    assertThat(stored.status()).isEqualTo("UNSHIPPED");
  }

  @Test
  void failingLookupAfterLostResponseThrowsAndNeverResends() {
    sim().faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.lostResponse());
    sim().faults().next(Endpoint.ORDER_DETAIL, 10, Fault.disconnect());

    CjTransportException e = catchThrowableOfType(CjTransportException.class,
        () -> cj().orders().createOrderV2(Sims.order("shop-1006", vid, 1)));

    assertThat(e).isNotNull();
    assertThat(e.endpoint()).contains("createOrderV2");
    assertThat(sim().recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(1);
    onlyOrder("shop-1006");
  }

  @Test
  void concurrentCreatesUnderRandomUnknownOutcomesNeverDuplicateAnOrder() throws Exception {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    int threads = 8;
    int orders = 40;
    SimClock c = SimClock.at(Sims.START);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (CjSimulator s = CjSimulator.builder().clock(c).qpsEnforced(false).products(20).seed(seed).build().start();
        CjClient client = Sims.client(s, c, new VirtualSleeper(c)).qps(100).build()) {
      List<String> vids = s.catalog().inStockVariantIds();
      Fault[] kinds = {Fault.lostResponse(), Fault.disconnect(), Fault.busy(), Fault.serverError(502), Fault.truncatedJson()};
      // a random fault sequence over the create calls (first sends and resends alike)
      for (int i = 0; i < orders * 2; i++) {
        if (random.nextInt(100) < 40) {
          s.faults().next(Endpoint.CREATE_ORDER_V2, 1, kinds[random.nextInt(kinds.length)]);
        } else {
          s.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.delay(Duration.ofMillis(1))); // a harmless slot
        }
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Future<@Nullable CreatedOrder>> results = new ArrayList<>();
      for (int i = 0; i < orders; i++) {
        String number = "shop-r" + i;
        String vid = vids.get(random.nextInt(vids.size()));
        results.add(pool.submit(() -> {
          go.await();
          try {
            return client.orders().createOrderV2(Sims.order(number, vid, 1));
          } catch (CjException e) {
            return null; // outcome stayed unknown: allowed, as long as nothing was duplicated
          }
        }));
      }
      go.countDown();
      String why = "seed " + seed;
      int succeeded = 0;
      for (int i = 0; i < orders; i++) {
        CreatedOrder o = results.get(i).get(60, TimeUnit.SECONDS);
        List<SimOrder> stored = s.orders().byOrderNumber("shop-r" + i);
        assertThat(stored).as(why + ", shop-r" + i).hasSizeLessThanOrEqualTo(1);
        if (o != null) {
          succeeded++;
          assertThat(stored).as(why + ", shop-r" + i).singleElement()
              .satisfies(so -> assertThat(so.cjOrderId()).isEqualTo(o.orderId()));
        }
      }
      assertThat(s.recorder().duplicateOrderNumbers()).as(why).isEmpty();
      assertThat(succeeded).as(why).isGreaterThan(orders / 2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void confirmAndPayAreNeverResentAfterAnUnknownOutcome() {
    String sd = cj().orders().createOrderV2(Sims.order("shop-1007", vid, 1)).orderId();
    assertThat(sd).isNotNull();
    sim().faults().next(Endpoint.CONFIRM_ORDER, 1, Fault.busy());
    assertThat(catchThrowableOfType(CjServerException.class, () -> cj().orders().confirmOrder(sd))).isNotNull();
    assertThat(sim().recorder().count(Endpoint.CONFIRM_ORDER)).isEqualTo(1);
    assertThat(cj().orders().confirmOrder(sd)).isEqualTo(sd);

    BigDecimal before = sim().orders().balance();
    sim().faults().next(Endpoint.PAY_BALANCE, 1, Fault.lostResponse());
    CjTransportException e = catchThrowableOfType(CjTransportException.class, () -> cj().payments().payBalance(sd));

    assertThat(e).isNotNull();
    assertThat(sim().recorder().count(Endpoint.PAY_BALANCE)).isEqualTo(1);
    SimOrder paid = onlyOrder("shop-1007");
    assertThat(paid.status()).isEqualTo("UNSHIPPED");
    assertThat(sim().orders().balance()).isEqualByComparingTo(before.subtract(paid.productAmount().add(paid.postageAmount())));
    // re-reading the order is how the caller learns the payment went through
    assertThat(cj().orders().getOrderDetail(sd).orderStatus()).isEqualTo("UNSHIPPED");
  }

  @Test
  void expiredTokenOnCreateRefreshesAndCreatesExactlyOnce() {
    assertThat(cj().payments().getBalance().amount()).isPositive();
    sim().faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.tokenExpired());

    CreatedOrder created = cj().orders().createOrderV2(Sims.order("shop-1008", vid, 1));

    SimOrder stored = onlyOrder("shop-1008");
    assertThat(created.orderId()).isEqualTo(stored.cjOrderId());
    assertThat(created.recovered()).isFalse();
    assertThat(sim().recorder().count(Endpoint.REFRESH_ACCESS_TOKEN)).isEqualTo(1);
    assertThat(sim().recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(2);
  }
}

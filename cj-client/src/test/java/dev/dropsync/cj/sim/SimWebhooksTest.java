package dev.dropsync.cj.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjWebhookSignatureException;
import dev.dropsync.cj.CjWebhooks;
import dev.dropsync.cj.VirtualSleeper;
import dev.dropsync.cj.model.CreatedOrder;
import dev.dropsync.cj.model.WebhookMessage;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.SimClock;
import dev.dropsync.cj.testkit.SimOrder;
import dev.dropsync.cj.testkit.WebhookDelivery;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Deliveries signed by the simulator verify and parse with {@link CjWebhooks}; tampered ones are rejected. */
class SimWebhooksTest {
  private static final BigInteger TWO_POW_53 = BigInteger.TWO.pow(53);

  @Test
  void simulatorSignedOrderAndLogisticDeliveriesVerifyAndKeepLargeIdsExact() {
    SimClock clock = SimClock.at(Sims.START);
    try (CjSimulator sim = CjSimulator.builder().clock(clock).qps(2).products(20).seed(13).build().start();
        CjClient cj = Sims.client(sim, clock, new VirtualSleeper(clock)).build()) {
      String vid = sim.catalog().inStockVariantIds().get(0);
      CreatedOrder created = cj.orders().createOrderV2(Sims.order("shop-3001", vid, 1, 2));
      String sd = created.orderId();
      assertThat(sd).isNotNull();
      clock.advance(Duration.ofDays(3));
      SimOrder stored = sim.orders().byCjOrderId(sd).orElseThrow();
      assertThat(stored.status()).isEqualTo("SHIPPED");
      assertThat(new BigInteger(stored.internalId())).isGreaterThan(TWO_POW_53);

      WebhookDelivery orderDelivery = sim.webhooks().order(sd);
      WebhookMessage m = CjWebhooks.verifyAndParse(orderDelivery.body(), orderDelivery.sign(), sim.openId());
      assertThat(m).isInstanceOfSatisfying(WebhookMessage.Order.class, o -> {
        assertThat(o.cjOrderId()).isEqualTo(stored.internalId());
        assertThat(o.orderNumber()).isEqualTo("shop-3001");
        assertThat(o.orderStatus()).isEqualTo("SHIPPED");
        assertThat(o.trackNumber()).isEqualTo(stored.trackNumber());
        assertThat(o.updatedAt()).isNotNull();
      });
      // the id is a bare JSON number in the body: a double-based parser would have rounded it
      assertThat(orderDelivery.bodyText()).contains(":" + stored.internalId());

      WebhookDelivery logistic = sim.webhooks().logistic(sd, 12);
      WebhookMessage l = CjWebhooks.verifyAndParse(logistic.body(), logistic.sign(), sim.openId());
      assertThat(l).isInstanceOfSatisfying(WebhookMessage.Logistic.class, g -> {
        assertThat(g.orderId()).isEqualTo(stored.internalId());
        assertThat(g.trackingNumber()).isEqualTo(stored.trackNumber());
        assertThat(g.trackingStatus()).isEqualTo(12);
        assertThat(g.logisticName()).isEqualTo(stored.logisticName());
        assertThat(g.events()).singleElement().satisfies(e -> {
          assertThat(e.location()).isEqualTo("Shenzhen");
          assertThat(e.at()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        });
      });
    }
  }

  @Test
  void tamperedOrForeignDeliveriesRaiseTheSignatureException() {
    SimClock clock = SimClock.at(Sims.START);
    try (CjSimulator sim = CjSimulator.builder().clock(clock).qps(2).products(20).seed(13).build().start();
        CjClient cj = Sims.client(sim, clock, new VirtualSleeper(clock)).build()) {
      String vid = sim.catalog().inStockVariantIds().get(0);
      String sd = cj.orders().createOrderV2(Sims.order("shop-3002", vid, 1)).orderId();
      assertThat(sd).isNotNull();
      WebhookDelivery genuine = sim.webhooks().order(sd);
      String text = genuine.bodyText();
      assertThat(text).contains("shop-3002");
      WebhookDelivery tampered = genuine.withTamperedBody(
          text.replace("shop-3002", "shop-3003").getBytes(StandardCharsets.UTF_8));

      assertThatThrownBy(() -> CjWebhooks.verifyAndParse(tampered.body(), tampered.sign(), sim.openId()))
          .isInstanceOf(CjWebhookSignatureException.class)
          .hasMessageNotContaining(sim.openId())
          .hasMessageNotContaining(tampered.sign());
      assertThatThrownBy(() -> CjWebhooks.verify(genuine.body(), genuine.sign(), sim.openId() + "0"))
          .isInstanceOf(CjWebhookSignatureException.class);
      assertThatThrownBy(() -> CjWebhooks.verify(genuine.body(), null, sim.openId()))
          .isInstanceOf(CjWebhookSignatureException.class);
      CjWebhooks.verify(genuine.body(), genuine.sign(), sim.openId());
    }
  }
}

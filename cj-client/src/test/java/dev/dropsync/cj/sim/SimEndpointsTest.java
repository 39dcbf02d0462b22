package dev.dropsync.cj.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjNotFoundException;
import dev.dropsync.cj.RequestOptions;
import dev.dropsync.cj.VirtualSleeper;
import dev.dropsync.cj.model.CjTokens;
import dev.dropsync.cj.model.CreatedOrder;
import dev.dropsync.cj.model.Order;
import dev.dropsync.cj.model.OrderListRequest;
import dev.dropsync.cj.model.Page;
import dev.dropsync.cj.model.Product;
import dev.dropsync.cj.model.ProductDetail;
import dev.dropsync.cj.model.ProductInventory;
import dev.dropsync.cj.model.ProductListV2Request;
import dev.dropsync.cj.model.RawResponse;
import dev.dropsync.cj.model.StockLevel;
import dev.dropsync.cj.model.SubscribeResult;
import dev.dropsync.cj.model.Variant;
import dev.dropsync.cj.model.WebhookSettings;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.SimClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every modelled endpoint once through the real client: the client parses what the simulator answers. */
class SimEndpointsTest {

  @Test
  void everyEndpointRoundTripsThroughTheClient() {
    SimClock clock = SimClock.at(Sims.START);
    try (CjSimulator sim = CjSimulator.builder().clock(clock).qps(2).products(60).seed(17)
            .probeWebhookUrls(false).build().start();
        CjClient cj = Sims.client(sim, clock, new VirtualSleeper(clock)).build()) {
      CjTokens first = cj.auth().getAccessToken();
      CjTokens refreshed = cj.auth().refreshAccessToken();
      assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
      assertThat(refreshed.openId()).isEqualTo(sim.openId());

      Page<Product> v2 = cj.products().listV2(new ProductListV2Request(null, 1, 20, null, null, null, null, null));
      assertThat(v2.items()).hasSize(20);
      assertThat(v2.items()).allSatisfy(p -> assertThat(p.pid()).isIn(sim.catalog().productIds()));

      String vid = sim.catalog().inStockVariantIds().get(0);
      String pid = sim.catalog().productIdOf(vid);
      ProductDetail bySku = cj.products().getBySku(sim.catalog().productSku(pid));
      assertThat(bySku.pid()).isEqualTo(pid);
      List<Variant> variants = cj.products().variantsByPid(pid);
      assertThat(variants).extracting(Variant::vid).containsExactlyInAnyOrderElementsOf(sim.catalog().variantIds(pid));
      Variant variant = cj.products().variantByVid(vid);
      assertThat(variant.vid()).isEqualTo(vid);
      assertThat(variant.sellPrice()).isEqualByComparingTo(sim.catalog().price(vid));
      List<StockLevel> bySkuStock = cj.stock().bySku(sim.catalog().variantSku(vid));
      assertThat(bySkuStock.stream().mapToLong(StockLevel::totalInventory).sum()).isEqualTo(sim.catalog().stock(vid));
      ProductInventory inventory = cj.stock().byPid(pid);
      assertThat(inventory.byVariant()).containsKey(vid);

      String offline = sim.catalog().productIds().get(1);
      sim.catalog().takeOffline(offline);
      assertThatThrownBy(() -> cj.products().getByPid(offline)).isInstanceOf(CjNotFoundException.class);

      CreatedOrder v3 = cj.orders().createOrderV3(Sims.order("shop-4001", vid, 1));
      String sd = v3.orderId();
      assertThat(sd).isNotNull();
      Page<Order> created = cj.orders().list(OrderListRequest.byStatus("CREATED", 1, 10));
      assertThat(created.items()).extracting(Order::orderNumber).contains("shop-4001");
      assertThat(cj.orders().findByOrderNumber("shop-4001")).map(Order::cjOrderId).hasValue(sd);
      cj.orders().deleteOrder(sd);
      assertThat(sim.orders().byCjOrderId(sd)).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo("CANCELLED"));

      assertThat(cj.webhooks().set(new WebhookSettings(
          WebhookSettings.Topic.enable("https://shop.example.com/cj/product"), null,
          WebhookSettings.Topic.enable("https://shop.example.com/cj/order"), null))).isTrue();
      assertThat(sim.webhooks().callbackUrl("order")).hasValue("https://shop.example.com/cj/order");
      SubscribeResult sub = cj.webhooks().subscribeProducts(List.of(pid));
      assertThat(sub.successProductIds()).containsExactly(pid);
      assertThat(sim.webhooks().subscribedProductIds()).containsExactly(pid);

      RawResponse setting = cj.rawRequest("GET", "/setting/get", null, RequestOptions.none());
      assertThat(setting.dataJson()).contains("qpsLimit");

      assertThat(cj.auth().logout()).isTrue();
      assertThat(sim.recorder().count(Endpoint.LOGOUT)).isEqualTo(1);
      assertThat(sim.recorder().throttleViolations()).isZero();
    }
  }
}

package dev.dropsync.cj.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.PagedIterable;
import dev.dropsync.cj.VirtualSleeper;
import dev.dropsync.cj.model.CjTokens;
import dev.dropsync.cj.model.CreatedOrder;
import dev.dropsync.cj.model.FreightQuote;
import dev.dropsync.cj.model.FreightRequest;
import dev.dropsync.cj.model.Order;
import dev.dropsync.cj.model.Page;
import dev.dropsync.cj.model.Product;
import dev.dropsync.cj.model.ProductDetail;
import dev.dropsync.cj.model.ProductListRequest;
import dev.dropsync.cj.model.StockLevel;
import dev.dropsync.cj.model.TrackInfo;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.RecordedCall;
import dev.dropsync.cj.testkit.SimClock;
import dev.dropsync.cj.testkit.SimOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A realistic store session from token to shipped order, run through the real client against the
 * simulator on a shared {@link SimClock} with QPS enforced on both sides.
 */
class SimSessionTest {
  private static final long POINTS_TOTAL = 50_000;

  @Test
  void fullSessionFromTokenToShippedOrderCostsThePointsOfTheCostTable() {
    SimClock clock = SimClock.at(Sims.START);
    VirtualSleeper sleeper = new VirtualSleeper(clock);
    try (CjSimulator sim = CjSimulator.builder().clock(clock).qps(2).products(50).seed(21)
            .pointsTotal(POINTS_TOTAL).balance(new BigDecimal("500.00")).build().start();
        CjClient cj = Sims.client(sim, clock, sleeper).build()) {

      // token
      CjTokens tokens = cj.auth().getAccessToken();
      assertThat(tokens.accessTokenExpiresAt()).isAfter(clock.instant().plus(Duration.ofDays(14)));
      assertThat(tokens.toString()).doesNotContain(tokens.accessToken());

      // one page, then every product across three pages of 20
      Page<Product> first = cj.products().list(ProductListRequest.firstPage().withPageSize(20));
      assertThat(first.items()).hasSize(20);
      assertThat(first.total()).isNotNull();
      long total = first.total();
      assertThat(total).isBetween(41L, 60L);
      PagedIterable<Product> all = cj.products().listAll(ProductListRequest.firstPage().withPageSize(20));
      List<Product> everything = all.stream().toList();
      assertThat(all.pagesFetched()).isEqualTo(3);
      assertThat(everything).hasSize((int) total);
      Set<String> pids = new HashSet<>();
      everything.forEach(p -> pids.add(p.pid()));
      assertThat(pids).hasSize((int) total).containsAll(first.items().stream().map(Product::pid).toList());

      // product, stock, freight
      String vid = sim.catalog().inStockVariantIds().get(0);
      String pid = sim.catalog().productIdOf(vid);
      ProductDetail detail = cj.products().getByPid(pid);
      assertThat(detail.pid()).isEqualTo(pid);
      assertThat(detail.variants()).extracting(v -> v.vid()).contains(vid);
      List<StockLevel> stock = cj.stock().byVid(vid);
      assertThat(stock.stream().mapToLong(StockLevel::totalInventory).sum()).isEqualTo(sim.catalog().stock(vid));
      List<FreightQuote> quotes = cj.logistics().freightCalculate(
          new FreightRequest("CN", "US", "10001", List.of(new FreightRequest.Item(vid, 2))));
      assertThat(quotes).extracting(FreightQuote::logisticName).contains("CJPacket Ordinary");
      FreightQuote quote = quotes.stream().filter(q -> q.logisticName().equals("CJPacket Ordinary")).findFirst().orElseThrow();
      assertThat(quote.totalPostageFee()).isPositive();

      // order: create, confirm, pay
      CreatedOrder created = cj.orders().createOrderV2(Sims.order("shop-2001", vid, 2));
      assertThat(created.recovered()).isFalse();
      String sd = created.orderId();
      assertThat(sd).isNotNull();
      assertThat(created.productAmount()).isEqualByComparingTo(sim.catalog().price(vid).multiply(BigDecimal.valueOf(2)));
      assertThat(cj.orders().confirmOrder(sd)).isEqualTo(sd);
      assertThat(sim.orders().byCjOrderId(sd)).map(SimOrder::status).hasValue("UNPAID");
      BigDecimal before = cj.payments().getBalance().amount();
      cj.payments().payBalance(sd);
      Order paid = cj.orders().getOrderDetail(sd);
      assertThat(paid.orderStatus()).isEqualTo("UNSHIPPED");
      assertThat(paid.orderNumber()).isEqualTo("shop-2001");
      assertThat(paid.trackNumber()).isNull();
      assertThat(paid.orderAmount()).isNotNull();
      assertThat(cj.payments().getBalance().amount()).isEqualByComparingTo(before.subtract(paid.orderAmount()));

      // points: lists 50, product/stock/freight 10, token/order/payment calls free (same minute, no refill)
      List<RecordedCall> calls = sim.recorder().calls();
      assertThat(Duration.between(Sims.START, clock.instant())).isLessThan(Duration.ofSeconds(60));
      long expectedSpent = 4 * 50 + 10 + 10 + 10;
      assertThat(calls.stream().mapToLong(c -> c.endpoint() == null ? 0 : c.endpoint().points()).sum()).isEqualTo(expectedSpent);
      assertThat(sim.pointsRemaining()).isEqualTo(POINTS_TOTAL - expectedSpent);
      assertThat(cj.remainingPoints()).hasValue(POINTS_TOTAL - expectedSpent);
      assertThat(sim.recorder().throttleViolations()).isZero();
      assertThat(sim.recorder().maxCallsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(2);
      assertThat(sim.recorder().count(Endpoint.GET_ACCESS_TOKEN)).isEqualTo(1);

      // two days later CJ has shipped it
      clock.advance(Duration.ofDays(2).plusHours(1));
      Order shipped = cj.orders().getOrderDetail(sd);
      assertThat(shipped.orderStatus()).isEqualTo("SHIPPED");
      assertThat(shipped.trackNumber()).isNotBlank();
      assertThat(shipped.logisticName()).isEqualTo("CJPacket Ordinary");
      List<TrackInfo> track = cj.logistics().trackInfo(List.of(shipped.trackNumber()));
      assertThat(track).singleElement().satisfies(t -> {
        assertThat(t.trackingNumber()).isEqualTo(shipped.trackNumber());
        assertThat(t.logisticName()).isEqualTo("CJPacket Ordinary");
      });
      assertThat(sim.orders().byOrderNumber("shop-2001")).singleElement()
          .satisfies(o -> assertThat(o.trackNumber()).isEqualTo(shipped.trackNumber()));
      // the 15-day token was still good: no token traffic after the first
      assertThat(sim.recorder().count(Endpoint.GET_ACCESS_TOKEN)).isEqualTo(1);
      assertThat(sim.recorder().count(Endpoint.REFRESH_ACCESS_TOKEN)).isZero();
    }
  }
}

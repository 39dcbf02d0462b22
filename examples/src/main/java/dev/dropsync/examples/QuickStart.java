package dev.dropsync.examples;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjClientListener;
import dev.dropsync.cj.model.CreateOrderRequest;
import dev.dropsync.cj.model.CreatedOrder;
import dev.dropsync.cj.model.FreightQuote;
import dev.dropsync.cj.model.FreightRequest;
import dev.dropsync.cj.model.Order;
import dev.dropsync.cj.model.OrderLine;
import dev.dropsync.cj.model.Page;
import dev.dropsync.cj.model.Product;
import dev.dropsync.cj.model.ProductDetail;
import dev.dropsync.cj.model.ProductListRequest;
import dev.dropsync.cj.model.StockLevel;
import dev.dropsync.cj.model.Variant;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.examples.demo.UsageException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A short session with the CJ client: authenticate, page through the catalog, read a product with
 * its variants and stock, quote freight, place an order (idempotent by order number), and read it
 * back. Runs against the embedded CJ simulator unless {@code CJ_BASE_URL} is set.
 */
final class QuickStart {
  private QuickStart() {}

  /** Where the session goes: the embedded simulator, or a server named by the environment. */
  record Target(@Nullable String baseUrl, @Nullable String apiKey, double qps) {
    static Target fromEnvironment(Map<String, String> env) {
      String url = env.get("CJ_BASE_URL");
      if (url == null || url.isBlank()) {
        return new Target(null, null, 2);
      }
      String key = env.get("CJ_API_KEY");
      if (key == null || key.isBlank()) {
        throw new UsageException("CJ_API_KEY is blank but CJ_BASE_URL is set");
      }
      String qps = env.getOrDefault("CJ_QPS", "1");
      try {
        return new Target(url, key, Double.parseDouble(qps));
      } catch (NumberFormatException e) {
        throw new UsageException("CJ_QPS must be a number but was \"" + qps + "\"");
      }
    }
  }

  static void run(Target target, PrintStream out) {
    if (target.baseUrl() == null) {
      try (CjSimulator sim = CjSimulator.builder().products(120).qps((int) target.qps()).build().start()) {
        out.println("Started the embedded CJ simulator at " + sim.baseUrl() + " (QPS " + (int) target.qps() + ")");
        session(sim.baseUrl(), sim.apiKey(), target.qps(), out);
        out.printf("Simulator saw %d calls, %d throttle violations.%n",
            sim.recorder().calls().size(), sim.recorder().throttleViolations());
        if (sim.recorder().throttleViolations() > 0) {
          throw new IllegalStateException("the client was throttled by the simulator");
        }
      }
    } else {
      out.println("Using CJ server " + target.baseUrl() + " (QPS " + target.qps() + ")");
      session(target.baseUrl(), requireNonNull(target.apiKey()), target.qps(), out);
    }
  }

  private static void session(String baseUrl, String apiKey, double qps, PrintStream out) {
    AtomicInteger calls = new AtomicInteger();
    AtomicLong waitedNanos = new AtomicLong();
    CjClientListener listener = new CjClientListener() {
      @Override
      public void onRequest(RequestEvent event) {
        calls.incrementAndGet();
      }

      @Override
      public void onRateLimited(RateLimitEvent event) {
        waitedNanos.addAndGet(event.delay().toNanos());
      }
    };
    long start = System.nanoTime();
    try (CjClient cj = CjClient.builder().apiKey(apiKey).baseUrl(baseUrl).qps(qps).listener(listener).build()) {
      Page<Product> first = cj.products().list(ProductListRequest.firstPage().withPageSize(20));
      out.printf("Catalog: %s products; first page has %d%n", first.total(), first.items().size());

      long walked = cj.products().listAll(ProductListRequest.firstPage().withPageSize(50)).stream().limit(120).count();
      out.printf("Auto-paging walked %d products across pages%n", walked);

      ProductDetail product = null;
      Variant variant = null;
      for (Product p : first.items()) {
        ProductDetail d = cj.products().getByPid(p.pid());
        for (Variant v : d.variants()) {
          long stock = cj.stock().byVid(v.vid()).stream().mapToLong(StockLevel::totalInventory).sum();
          if (stock > 0) {
            product = d;
            variant = v;
            out.printf("Product %s \"%s\": %d variants; variant %s has %d in stock at %s%n",
                d.pid(), d.nameEn(), d.variants().size(), v.vid(), stock, v.sellPrice());
            break;
          }
        }
        if (variant != null) {
          break;
        }
      }
      if (product == null || variant == null) {
        throw new IllegalStateException("no in-stock variant on the first catalog page");
      }

      List<FreightQuote> quotes = cj.logistics().freightCalculate(
          new FreightRequest("CN", "US", "10001", List.of(new FreightRequest.Item(variant.vid(), 1))));
      FreightQuote cheapest = quotes.stream()
          .min(Comparator.comparing(FreightQuote::totalPostageFee))
          .orElseThrow(() -> new IllegalStateException("no freight quote for CN -> US"));
      out.printf("Freight: %d options, cheapest %s at %s USD%n", quotes.size(), cheapest.logisticName(), cheapest.totalPostageFee());

      String orderNumber = "quickstart-" + Long.toHexString(System.currentTimeMillis());
      CreatedOrder created = cj.orders().createOrderV2(CreateOrderRequest.builder()
          .orderNumber(orderNumber)
          .shippingCountryCode("US").shippingCountry("United States").shippingProvince("NY")
          .shippingCity("New York").shippingAddress("1 Main St").shippingZip("10001")
          .shippingCustomerName("Jane Doe").logisticName(cheapest.logisticName())
          .addLine(OrderLine.ofVid(variant.vid(), 1))
          .build());
      out.printf("Order %s created at CJ as %s (%s), total %s USD%n",
          orderNumber, created.orderId(), created.orderStatus(), created.total());

      Order detail = cj.orders().getOrderDetail(requireNonNull(created.orderId()));
      out.printf("Read back: %s status %s, %d line(s)%n", detail.cjOrderId(), detail.orderStatus(), detail.items().size());

      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      out.printf("Done: %d CJ calls in %.1f s, %.1f s spent waiting for the rate limit, %s points left%n",
          calls.get(), elapsed.toMillis() / 1000.0, waitedNanos.get() / 1e9,
          cj.remainingPoints().isPresent() ? String.valueOf(cj.remainingPoints().getAsLong()) : "unknown");
    }
  }

  private static <T> T requireNonNull(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("unexpected null in CJ response");
    }
    return value;
  }
}

package dev.dropsync.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.spi.Sleeper;
import dev.dropsync.cj.supplier.CjSupplier;
import dev.dropsync.cj.supplier.CjSupplierCatalog;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.Fault;
import dev.dropsync.cj.testkit.SimClock;
import dev.dropsync.cj.testkit.SimOrder;
import dev.dropsync.fulfillment.CommissionSplit;
import dev.dropsync.fulfillment.EarningsTotals;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.spi.SupplierOffer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo's whole flow against the in-process simulator on a virtual clock, with every transient
 * fault type injected: every product syncs, the client never breaks the QPS limit, no supplier order
 * is created twice, and the summary's numbers are the stores'.
 */
class DemoEndToEndTest {
  private static final int PRODUCTS = 30;
  private static final int ORDERS = 6;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final SimClock clock = SimClock.at(Instant.parse("2026-12-01T09:00:00Z"));
  private final DemoStores stores = DemoStores.inMemory();

  private DemoReport run(CjSimulator sim, String... args) {
    DemoOptions options = DemoOptions.parse(List.of(args));
    DemoEnvironment env = DemoEnvironment.virtual(clock, out);
    // Every fault type at least once on the sync's endpoint, and on createOrder the ones that leave
    // its outcome unknown (answer lost after CJ created the order, dropped, 5xx, busy, cut off).
    for (Fault f : Demo.FAULTS) {
      sim.faults().next(Endpoint.PRODUCT_QUERY, 1, f);
    }
    for (Fault f : List.of(Fault.lostResponse(), Fault.disconnect(), Fault.serverError(502), Fault.busy(),
        Fault.truncatedJson())) {
      sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, f);
    }
    return new Demo(options, CjTarget.embedded(), env, stores).run(sim);
  }

  /** What CJ offers now for a product, read through the CJ adapter on a fresh client. */
  private static Map<String, SupplierOffer> offersAtCj(CjSupplierCatalog catalog, Product p) {
    return catalog.offers(p.supplierProductId(), p.variants().stream().map(Variant::supplierVariantId).toList());
  }

  @ParameterizedTest(name = "--products {0} --orders {1}")
  @CsvSource({"1, 3", "2, 0", "12, 7"})
  void smallRunsWithoutFaultsKeepEveryPromise(int products, int orders) {
    String[] args = {"--products", String.valueOf(products), "--orders", String.valueOf(orders)};
    DemoOptions options = DemoOptions.parse(List.of(args));
    try (CjSimulator sim = Demo.simulatorFor(options, clock).build().start()) {
      DemoReport report = new Demo(options, CjTarget.embedded(), DemoEnvironment.virtual(clock, out), stores).run(sim);

      assertThat(report.productsSynced()).isEqualTo(products);
      assertThat(report.ordersPlaced()).isEqualTo(orders);
      assertThat(report.ordersTracked()).isEqualTo(orders);
      assertThat(sim.orders().count()).isEqualTo(orders);
      assertThat(sim.recorder().throttleViolations()).isZero();
      assertThat(report.retries()).as("no faults, nothing to retry").isZero();
      assertThat(report.simulator()).isNotNull().satisfies(s -> assertThat(s.faults()).isZero());
      assertThat(report.earnings() == null).isEqualTo(orders == 0);
    }
  }

  @Test
  void everyProductSyncsAndEveryOrderIsPlacedOnceUnderEveryFaultType() {
    long t0 = System.nanoTime();
    String[] args = {"--products", String.valueOf(PRODUCTS), "--orders", String.valueOf(ORDERS), "--faults",
        "--fault-rate", "0.15", "--seed", "3"};
    try (CjSimulator sim = Demo.simulatorFor(DemoOptions.parse(List.of(args)), clock).build().start()) {
      DemoReport report = run(sim, args);
      int recordedByDemo = sim.recorder().calls().size();
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      String text = printed.toString(StandardCharsets.UTF_8);
      System.out.print(text); // kept in the surefire report

      // faults really happened: every kind the demo injects, and the createOrder ones
      Set<Fault.Kind> kinds = EnumSet.noneOf(Fault.Kind.class);
      Demo.FAULTS.forEach(f -> kinds.add(f.kind()));
      DemoReport.Simulator seen = report.simulator();
      assertThat(seen).isNotNull();
      assertThat(seen.faultsInjected().keySet()).containsAll(kinds);
      assertThat(sim.recorder().calls(Endpoint.CREATE_ORDER_V2)).filteredOn(c -> c.fault() != null).hasSizeGreaterThanOrEqualTo(5);

      // the client never broke the QPS limit, and nothing was ordered twice
      assertThat(sim.recorder().throttleViolations()).isZero();
      assertThat(sim.recorder().duplicateOrderNumbers()).isEmpty();
      List<SupplierOrder> supplierOrders = new ArrayList<>();
      for (Order o : stores.orders().listOrders(Demo.PREMIUM, Instant.EPOCH, clock.instant().plusSeconds(1))) {
        supplierOrders.addAll(stores.orders().supplierOrdersOf(Demo.PREMIUM, o.id()));
      }
      assertThat(supplierOrders).hasSize(ORDERS);
      for (SupplierOrder so : supplierOrders) {
        List<SimOrder> atCj = sim.orders().byOrderNumber(so.reference());
        assertThat(atCj).as("CJ orders numbered %s", so.reference()).hasSize(1);
        assertThat(so.supplierOrderId()).isEqualTo(atCj.get(0).cjOrderId());
        assertThat(so.tracking().trackingNumber()).isEqualTo(atCj.get(0).trackNumber()).isNotBlank();
      }
      assertThat(sim.orders().count()).isEqualTo(ORDERS);

      // every product synced: the store holds what CJ offers now (stock and cost of every variant; a
      // variant our orders took units of is lower by at most what was ordered, depending on the CJ
      // warehouse the units came from)
      List<Product> products = stores.inventory().listProducts(Demo.PREMIUM, null, 10_000);
      assertThat(products).hasSize(PRODUCTS);
      assertThat(report.productsSynced()).isEqualTo(PRODUCTS);
      assertThat(report.syncRuns().get(0).updated()).as("CJ changed things between import and sync").isPositive();
      sim.faults().clear();
      Sleeper virtual = d -> {
        clock.advance(d);
        return CompletableFuture.completedFuture(null);
      };
      try (CjClient check = CjClient.builder().apiKey(sim.apiKey()).baseUrl(sim.baseUrl()).clock(clock).sleeper(virtual)
          .qps(6).build()) {
        CjSupplierCatalog catalog = CjSupplier.builder().client(check).clock(clock).build().catalog();
        for (Product p : products) {
          Map<String, SupplierOffer> offers = offersAtCj(catalog, p);
          for (Variant v : p.variants()) {
            SupplierOffer offer = offers.get(v.supplierVariantId());
            assertThat(offer).as("offer of %s", v.supplierVariantId()).isNotNull();
            long ordered = supplierOrders.stream().flatMap(so -> so.lines().stream())
                .filter(l -> l.variant().equals(v.id())).mapToLong(l -> l.quantity()).sum();
            assertThat(v.onHand()).as("stock of %s", v.supplierVariantId())
                .isBetween(offer.stock() - ordered, offer.stock());
            if (offer.cost() != null) {
              assertThat(v.cost()).as("cost of %s", v.supplierVariantId()).isEqualTo(offer.cost());
            }
          }
        }
      }

      // the summary's numbers are the stores'
      assertThat(report.products()).isEqualTo(products.size());
      assertThat(report.deactivated()).isEqualTo(
          (int) products.stream().filter(p -> p.status() == ProductStatus.INACTIVE_OUT_OF_STOCK).count()).isPositive();
      List<StockAlert> open = stores.stockAlerts().openAlerts(Demo.PREMIUM);
      assertThat(report.lowStockAlerts()).isEqualTo(open.stream().filter(a -> a.kind() == StockAlertKind.LOW_STOCK).count());
      assertThat(report.outOfStockAlerts()).isEqualTo(open.stream().filter(a -> a.kind() == StockAlertKind.OUT_OF_STOCK).count());
      assertThat(report.ordersPlaced()).isEqualTo(ORDERS);
      assertThat(report.ordersTracked()).isEqualTo(ORDERS);
      assertThat(report.orders(OrderStatus.SHIPPED)).isEqualTo(ORDERS);
      BigDecimal base = BigDecimal.ZERO;
      BigDecimal owner = BigDecimal.ZERO;
      for (Order o : stores.orders().listOrders(Demo.PREMIUM, Instant.EPOCH, clock.instant().plusSeconds(1))) {
        CommissionSplit split = Objects.requireNonNull(o.commission(), "commission of " + o.id());
        base = base.add(split.base().amount());
        owner = owner.add(split.client().amount());
      }
      EarningsTotals earnings = Objects.requireNonNull(report.earnings());
      assertThat(earnings.base().amount()).isEqualByComparingTo(base);
      assertThat(earnings.client().amount()).isEqualByComparingTo(owner);
      assertThat(earnings.client().plus(earnings.platform())).isEqualTo(earnings.base());
      assertThat(report.cjCalls()).as("every attempt the client sent reached the simulator").isEqualTo(recordedByDemo);
      assertThat(report.freeActive()).isEqualTo(10);
      assertThat(report.planLimitRefusal()).contains("FREE").contains("10");

      assertThat(text).contains("Summary").contains("PlanLimitExceededException").contains("products synced  " + PRODUCTS + " of " + PRODUCTS);
      assertThat(took).as("the virtual clock keeps it short").isLessThan(Duration.ofSeconds(60));
    }
  }
}

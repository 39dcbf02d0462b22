package dev.dropsync.fulfillment.bench;

import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderRequest;
import dev.dropsync.fulfillment.spi.InMemoryFreightQuotes;
import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.InMemorySupplierOrders;
import dev.dropsync.fulfillment.testing.Fixture;
import dev.dropsync.fulfillment.testing.TestInventory;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Orders per second through createOrder + processOrder (reserve, quote, place, commit, notify,
 * commission) with the in-memory SPIs and the TestInventory. One supplier per order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProcessOrderBenchmark {
  private static final TenantId TENANT = TenantId.of("bench");
  private static final OrderRequest TEMPLATE = Fixture.order(TENANT, "template").build();
  private final AtomicLong seq = new AtomicLong();
  private FulfillmentEngine engine = newEngine();
  private OrderId done = OrderId.of("done");

  @Setup(Level.Iteration)
  public void setUp() {
    engine = newEngine();
    done = engine.processOrder(TENANT, engine.createOrder(Fixture.order(TENANT, "done").build()).id()).id();
  }

  private static FulfillmentEngine newEngine() {
    Clock clock = Clock.systemUTC();
    TestInventory inventory = new TestInventory(clock);
    inventory.addVariant(TENANT, "v1", "cj", Money.of("5.00", "USD"), Money.of("20.00", "USD"), Long.MAX_VALUE / 4);
    inventory.addVariant(TENANT, "v2", "cj", Money.of("3.00", "USD"), Money.of("10.00", "USD"), Long.MAX_VALUE / 4);
    return FulfillmentEngine.builder()
        .orderStore(new InMemoryOrderStore()).stock(inventory).variants(inventory)
        .freightQuotes(new InMemoryFreightQuotes(List.of(new FreightOption("CJPacket", Money.of("4.00", "USD"), 7, 12))))
        .supplierOrders(new InMemorySupplierOrders(clock)).notifier(n -> { }).clock(clock).build();
  }

  @Benchmark
  public Order createAndProcess() {
    OrderRequest r = new OrderRequest(TENANT, OrderId.of("b-" + seq.incrementAndGet()), TEMPLATE.currency(),
        TEMPLATE.lines(), TEMPLATE.shippingCharge(), TEMPLATE.shippingAddress(), TEMPLATE.customer());
    Order o = engine.createOrder(r);
    return engine.processOrder(TENANT, o.id());
  }

  @Benchmark
  public Order reprocessCompletedOrder() {
    return engine.processOrder(TENANT, done);
  }
}

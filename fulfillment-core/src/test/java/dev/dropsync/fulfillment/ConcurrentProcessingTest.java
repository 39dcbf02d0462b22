package dev.dropsync.fulfillment;

import static dev.dropsync.fulfillment.testing.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.fulfillment.spi.CancellationAnswer;
import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.PlacementResult;
import dev.dropsync.fulfillment.spi.SupplierOrderRequest;
import dev.dropsync.fulfillment.spi.SupplierOrderSnapshot;
import dev.dropsync.fulfillment.spi.SupplierOrders;
import dev.dropsync.fulfillment.testing.Fixture;
import dev.dropsync.inventory.TenantId;
import java.util.Optional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The same orders processed from many threads at once: one supplier order per group, ever. */
class ConcurrentProcessingTest {

  /** Wraps the fixture's fake supplier; yields the CPU many times inside place(). */
  private static final class SlowPlace implements SupplierOrders {
    private final SupplierOrders delegate;

    SlowPlace(SupplierOrders delegate) {
      this.delegate = delegate;
    }

    @Override
    public PlacementResult place(SupplierOrderRequest request) {
      for (int i = 0; i < 200; i++) {
        Thread.yield();
      }
      return delegate.place(request);
    }

    @Override
    public Optional<SupplierOrderSnapshot> find(TenantId tenant, String supplierId, String reference) {
      return delegate.find(tenant, supplierId, reference);
    }

    @Override
    public SupplierOrderSnapshot status(TenantId tenant, String supplierId, String reference) {
      return delegate.status(tenant, supplierId, reference);
    }

    @Override
    public CancellationAnswer cancel(TenantId tenant, String supplierId, String reference) {
      return delegate.cancel(tenant, supplierId, reference);
    }
  }

  @Test
  void sameOrdersProcessedConcurrentlyPlaceEachSupplierOrderOnce() throws Exception {
    long seed = System.nanoTime();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 20; round++) {
      // a supplier whose place() takes a while (without sleeping) widens every race window
      Fixture f = new Fixture(new InMemoryOrderStore(), SlowPlace::new, b -> b);
      int orders = 1 + rnd.nextInt(4);
      int threads = 4 + rnd.nextInt(5);
      List<OrderId> ids = new ArrayList<>();
      int groups = 0;
      for (int i = 0; i < orders; i++) {
        boolean two = rnd.nextBoolean();
        ids.add(f.engine.createOrder((two ? Fixture.twoSupplierOrder(TENANT, "r" + round + "-" + i)
            : Fixture.order(TENANT, "r" + round + "-" + i)).build()).id());
        groups += two ? 2 : 1;
      }
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          List<OrderId> mine = new ArrayList<>(ids);
          Collections.shuffle(mine, new java.util.Random(rnd.nextLong()));
          futures.add(pool.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            for (int rep = 0; rep < 3; rep++) {
              for (OrderId id : mine) {
                f.engine.processOrder(TENANT, id);
              }
            }
            return null;
          }));
        }
        for (Future<?> fu : futures) {
          fu.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      String msg = "seed " + seed + " round " + round;
      for (OrderId id : ids) {
        Order o = f.engine.processOrder(TENANT, id);
        assertThat(o.status()).as(msg).isEqualTo(OrderStatus.PROCESSING);
        assertThat(o.commission()).as(msg).isNotNull();
        assertThat(f.notifier.sent(TENANT, id)).as(msg).hasSize(1);
        for (SupplierOrder so : f.engine.supplierOrders(TENANT, id)) {
          assertThat(f.suppliers.placements(TENANT, so.supplierId(), so.reference())).as(msg).isEqualTo(1);
        }
      }
      assertThat(f.suppliers.totalPlacements()).as(msg).isEqualTo(groups);
      assertThat(f.inventory.effectiveCommits()).as(msg).isEqualTo(orders);
      assertThat(f.engine.earningEntries(TENANT, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).as(msg).hasSize(orders);
    }
  }
}

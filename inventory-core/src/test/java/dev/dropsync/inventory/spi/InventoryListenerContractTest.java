package dev.dropsync.inventory.spi;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link InventoryListener} must have: it accepts every event, from several
 * threads at once, without throwing (the engine delivers on the threads that change stock).
 */
public abstract class InventoryListenerContractTest {
  private static final TenantId T = TenantId.of("t");
  private static final ProductId P = ProductId.of("p");
  private static final VariantId V = VariantId.of("v");

  /** The listener under test. */
  protected abstract InventoryListener listener();

  private static void everyEvent(InventoryListener l, int i) {
    l.onLowStock(T, P, V, i, 5);
    l.onOutOfStock(T, P, V);
    l.onBackInStock(T, P, V, i + 1);
    l.onOversold(T, P, V, 1, 2 + i);
    l.onPriceChanged(T, P, V, Money.of("1.00", "USD"), Money.of("2.00", "USD"));
    l.onPriceBelowFloor(T, P, V, Money.of("1.00", "USD"), Money.of("2.00", "USD"));
    l.onDeactivated(T, P, InventoryListener.Reason.OUT_OF_STOCK);
    l.onReactivated(T, P);
    l.onReactivationRefused(T, P, InventoryListener.Reason.PLAN_LIMIT);
    l.onPlanLimitReached(T, Plan.FREE, 10, 10);
  }

  @Test
  void acceptsEveryEvent() {
    InventoryListener l = listener();
    assertThatCode(() -> everyEvent(l, 0)).doesNotThrowAnyException();
  }

  @Test
  void acceptsEventsFromSeveralThreadsAtOnce() throws Exception {
    InventoryListener l = listener();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        fs.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < 200; i++) {
            everyEvent(l, i);
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : fs) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

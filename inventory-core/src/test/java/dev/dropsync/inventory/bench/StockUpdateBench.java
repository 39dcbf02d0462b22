package dev.dropsync.inventory.bench;

import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.spi.StockChange;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Supplier stock updates applied per second in memory: each operation writes a new on-hand level
 * for one of 1,000 variants (always a real change, so a ledger entry is appended) and runs the
 * stock rules. A fresh store per iteration bounds the ledger's memory. One tenant per thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@SuppressWarnings("NullAway.Init") // fields are set by the JMH @Setup method
public class StockUpdateBench {
  private static final AtomicInteger TENANTS = new AtomicInteger();
  private BenchSupport s;
  private VariantId[] variants;
  private int i;
  private long level;

  @Setup(Level.Iteration)
  public void setUp() {
    s = new BenchSupport("bench-" + TENANTS.incrementAndGet(), 1000, 100, false);
    variants = s.variants.toArray(new VariantId[0]);
    i = 0;
    level = 100;
  }

  /** Through the engine: validation, store write + ledger entry, low-stock/out-of-stock rules. */
  @Benchmark
  public StockChange engineApplySupplierStock() {
    VariantId v = variants[i++ % variants.length];
    if (i % variants.length == 0) {
      level = level == 100 ? 101 : 100;
    }
    return s.engine.applySupplierStock(s.tenant, v, level == 100 ? 101 : 100, "sync");
  }

  /** The store call alone: atomic write of on-hand and its ledger entry. */
  @Benchmark
  public StockChange storeSetOnHand() {
    VariantId v = variants[i++ % variants.length];
    if (i % variants.length == 0) {
      level = level == 100 ? 101 : 100;
    }
    return s.store.setOnHand(s.tenant, v, level == 100 ? 101 : 100, LedgerReason.SUPPLIER_SYNC, "sync", Instant.EPOCH);
  }
}

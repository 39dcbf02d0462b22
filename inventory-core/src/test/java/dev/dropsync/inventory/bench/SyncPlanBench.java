package dev.dropsync.inventory.bench;

import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.SyncRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A tenant with 100,000 products: planning a sync (listing what to visit, in pages of 1,000), and
 * a whole sync run against an in-memory supplier whose data is unchanged (reads, compares, writes
 * nothing), single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@SuppressWarnings("NullAway.Init") // fields are set by the JMH @Setup method
public class SyncPlanBench {
  private BenchSupport s;

  @Setup(Level.Trial)
  public void setUp() {
    s = new BenchSupport("big", 100_000, 50, true);
  }

  @Benchmark
  public List<ProductId> planSyncOf100kProducts() {
    return s.engine.sync().plan(s.tenant, null);
  }

  @Benchmark
  public SyncRun runUnchangedSyncOf100kProducts() {
    return s.engine.sync().start(s.tenant).await(Duration.ofMinutes(5));
  }
}

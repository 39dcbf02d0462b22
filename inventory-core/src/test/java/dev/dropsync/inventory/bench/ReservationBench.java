package dev.dropsync.inventory.bench;

import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.VariantId;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * Reserve-then-release pairs under contention: 4 threads on one tenant and the same 4 variants
 * (two lines per order), each pair with a fresh order reference. Score = pairs per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(4)
@SuppressWarnings("NullAway.Init") // fields are set by the JMH @Setup method
public class ReservationBench {
  private BenchSupport s;
  private final AtomicLong refs = new AtomicLong();
  private List<List<ReservationLine>> orders;

  @Setup(Level.Iteration)
  public void setUp() {
    s = new BenchSupport("contended", 4, 1_000_000, false);
    VariantId[] v = s.variants.toArray(new VariantId[0]);
    orders = List.of(
        List.of(new ReservationLine(v[0], 1), new ReservationLine(v[1], 2)),
        List.of(new ReservationLine(v[1], 1), new ReservationLine(v[2], 1)),
        List.of(new ReservationLine(v[2], 3), new ReservationLine(v[3], 1)),
        List.of(new ReservationLine(v[3], 1), new ReservationLine(v[0], 1)));
  }

  @Benchmark
  public void reserveThenRelease() {
    long n = refs.incrementAndGet();
    String ref = "o" + n;
    s.engine.reserve(s.tenant, ref, orders.get((int) (n & 3)));
    s.engine.release(s.tenant, ref);
  }
}

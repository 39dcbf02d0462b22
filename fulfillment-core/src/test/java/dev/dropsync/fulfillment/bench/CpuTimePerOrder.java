package dev.dropsync.fulfillment.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Load-independent companion to {@link ProcessOrderBenchmark}: the CPU time (not wall time) one
 * thread spends per {@code createAndProcess}, after JIT warm-up. On a shared machine wall-clock
 * throughput mostly measures the neighbours; CPU time per order tells what one core can do.
 * Run: {@code java -cp <bench classpath> dev.dropsync.fulfillment.bench.CpuTimePerOrder}.
 */
public final class CpuTimePerOrder {
  private CpuTimePerOrder() {}

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int n = 100_000;
    for (int round = 1; round <= 6; round++) {
      ProcessOrderBenchmark b = new ProcessOrderBenchmark();
      b.setUp();
      long cpu0 = mx.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        b.createAndProcess();
      }
      long cpu = mx.getCurrentThreadCpuTime() - cpu0;
      long wall = System.nanoTime() - wall0;
      System.out.printf(Locale.ROOT, "round %d: %.1f us CPU/order -> %.0f orders/s per core (wall %.0f orders/s)%n",
          round, cpu / 1e3 / n, n * 1e9 / cpu, n * 1e9 / wall);
    }
  }
}

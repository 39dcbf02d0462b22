package dev.dropsync.scheduler.bench;

import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.InMemoryTaskStore;
import dev.dropsync.scheduler.Scheduler;
import dev.dropsync.scheduler.TaskPriority;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Task dispatches per second with the in-memory store: claim (priority + owner fairness), run a
 * no-op handler, complete. Each invocation drains {@value #TASKS} freshly queued tasks.
 */
@SuppressWarnings("NullAway.Init")
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DispatchBench {
  static final int TASKS = 2000;

  @Param({"1", "50"})
  public int owners;

  private Scheduler scheduler;
  private int round;

  @Setup(Level.Invocation)
  public void fill() {
    InMemoryTaskStore store = new InMemoryTaskStore();
    scheduler =
        Scheduler.builder()
            .store(store)
            .clock(Clock.systemUTC())
            .workerId("bench")
            .workerCount(32)
            .executor(Runnable::run)
            .handler("sync", ctx -> {})
            .build();
    Instant now = Instant.now();
    TaskPriority[] priorities = TaskPriority.values();
    round++;
    for (int i = 0; i < TASKS; i++) {
      store.insertIfAbsent(
          AutomationTask.pending(
              round + "-" + i, "sync", "k" + i, "owner-" + (i % owners), priorities[i % 4],
              Map.of(), 3, now, now.minusMillis(i), null, null));
    }
  }

  @Benchmark
  @OperationsPerInvocation(TASKS)
  public int dispatch() {
    int total = 0;
    int n;
    while ((n = scheduler.tick()) > 0) {
      total += n;
    }
    return total;
  }
}

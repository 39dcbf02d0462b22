package dev.dropsync.examples.demo;

import dev.dropsync.cj.spi.Sleeper;
import dev.dropsync.cj.testkit.SimClock;
import dev.dropsync.examples.ShiftableClock;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How the demo runs: its clock (shared with the embedded simulator), how that clock is moved forward
 * for the simulator to ship orders, how the CJ client waits, where sync workers run and where the
 * output goes. {@link #real} is the command line's; tests use {@link #virtual}, on which waits cost
 * no real time.
 *
 * @param clock the clock of the engines, the client and the embedded simulator
 * @param timeTravel moves {@code clock} forward (the embedded simulator ships orders by it)
 * @param sleeper how the CJ client waits, or null for its own real-time timer
 * @param syncExecutor runs sync workers
 * @param syncConcurrency products synced at once
 * @param out where the demo prints
 * @param terminal whether {@code out} is a terminal (progress redrawn in place)
 * @param onClose releases what the environment created (e.g. the sync pool)
 * @since 0.1.0
 */
public record DemoEnvironment(
    Clock clock,
    Consumer<Duration> timeTravel,
    @Nullable Sleeper sleeper,
    Executor syncExecutor,
    int syncConcurrency,
    PrintStream out,
    boolean terminal,
    Runnable onClose) implements AutoCloseable {

  /**
   * Checks for nulls.
   *
   * @param clock see the record component
   * @param timeTravel see the record component
   * @param sleeper see the record component
   * @param syncExecutor see the record component
   * @param syncConcurrency see the record component
   * @param out see the record component
   * @param terminal see the record component
   * @param onClose see the record component
   */
  public DemoEnvironment {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(timeTravel, "timeTravel");
    Objects.requireNonNull(syncExecutor, "syncExecutor");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(onClose, "onClose");
  }

  /**
   * Real time (a {@link ShiftableClock}), the client's own timer, 8 sync workers on their own
   * threads: what a production host does.
   *
   * @param out where to print
   * @param terminal whether {@code out} is a terminal
   * @return the environment; close it
   * @since 0.1.0
   */
  public static DemoEnvironment real(PrintStream out, boolean terminal) {
    ShiftableClock clock = ShiftableClock.systemUtc();
    ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "dropsync-sync");
      t.setDaemon(true);
      return t;
    });
    return new DemoEnvironment(clock, clock::advance, null, pool, 8, out, terminal, pool::shutdownNow);
  }

  /**
   * Virtual time: a {@link SimClock} that only moves when the client waits (limiter spacing,
   * backoff) or the demo moves it, and syncs on the calling thread, one product at a time (so the
   * simulator's QPS check on that clock is exact).
   *
   * @param clock the virtual clock
   * @param out where to print
   * @return the environment
   * @since 0.1.0
   */
  public static DemoEnvironment virtual(SimClock clock, PrintStream out) {
    Sleeper sleeper = d -> {
      clock.advance(d);
      return CompletableFuture.completedFuture(null);
    };
    return new DemoEnvironment(clock, clock::advance, sleeper, Runnable::run, 1, out, false, () -> { });
  }

  @Override
  public void close() {
    onClose.run();
  }
}

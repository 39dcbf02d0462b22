package dev.dropsync.scheduler.bench;

import dev.dropsync.scheduler.CronExpression;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Next-fire computations per second: each call continues from the previous fire time. */
@SuppressWarnings("NullAway.Init")
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NextFireBench {

  @Param({"0 30 2 * * ?", "*/15 * * * *", "0 0 12 LW * ?", "0 0 12 ? * 6L", "0 0 29 2 *"})
  public String expression;

  private CronExpression cron;
  private final ZoneId zone = ZoneId.of("America/New_York");
  private Instant cursor = Instant.parse("2024-01-01T00:00:00Z");

  @Setup
  public void parse() {
    cron = CronExpression.parse(expression);
  }

  @Benchmark
  public Instant nextFire() {
    Instant next = cron.nextFireAfter(cursor, zone).orElseThrow();
    cursor = next.getEpochSecond() > 4_000_000_000L ? Instant.parse("2024-01-01T00:00:00Z") : next;
    return next;
  }
}
